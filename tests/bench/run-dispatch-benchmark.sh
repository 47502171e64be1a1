#!/usr/bin/env bash
# Switchyard dispatch benchmark (issue 4): how fast one broker hands queued files to its nodes.
#
#   tests/bench/run-dispatch-benchmark.sh [--quick] [BUILD_DIR] [--output FILE] [--work-dir DIR]
#                                         [--fill-seconds N] [--nodes N] [--dispatch-threads N]
#                                         [--max-in-flight N] [--keep]
#
# BUILD_DIR (default: build/ of this checkout) must hold a finished build; nothing is built here.
#
# The broker runs the shipped etc/switchyard/broker.properties (storage.sqlite with synchronous
# FULL, blobs.filesystem with fsync), copied into a temporary folder; the .custom file beside the
# copy only moves it there (data folder, port 0, certificate, ready file) and points its
# app servers at --nodes processor nodes that accept every file at once
# (switchyard-bench-instant-nodes, fsTransform over HTTP on 127.0.0.1).
#
# 1. Fill: with every node disabled (appN.enabled = false), 32 clients POST distinct 4 KiB files
#    for --fill-seconds (default 20, 5 with --quick): N files queued, durably.
# 2. Dispatch: the broker is restarted with the nodes enabled; the clock runs from its start
#    until /system-info says the queue is empty and every file has a task on a node. Figures:
#    files/s (N / seconds), the broker's CPU per file, and the files each node took. The nodes
#    finish every task at once, so appN.maxInFlight is lifted (0) unless --max-in-flight sets it:
#    with a bound, a node's room comes back only when the broker's poll sees its tasks finished,
#    which measures the poll interval rather than the hand-over.
# Target: at least 1,000 files/s through one broker to two nodes. Writes JSON (default
# dispatch-results.json in the current folder) and prints a summary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

build="$repo/build"
output="$PWD/dispatch-results.json"
work=""
fillSeconds=20
nodeCount=2
dispatchThreads=""
maxInFlight=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) fillSeconds=5 ;;
    --output) output="$2"; shift ;;
    --work-dir) work="$2"; shift ;;
    --fill-seconds) fillSeconds="$2"; shift ;;
    --nodes) nodeCount="$2"; shift ;;
    --dispatch-threads) dispatchThreads="$2"; shift ;;
    --max-in-flight) maxInFlight="$2"; shift ;;
    --keep) keep=1 ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "run-dispatch-benchmark.sh: unknown option $1" >&2; exit 2 ;;
    *) build="$1" ;;
    esac
    shift
done
build="$(cd "$build" && pwd)"
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac

bin="$build/bin"
for tool in switchyard switchyard-bench-submit switchyard-bench-instant-nodes; do
    if [ ! -x "$bin/$tool" ]; then
        echo "run-dispatch-benchmark.sh: $bin/$tool is missing; build the tree first" >&2
        exit 2
    fi
done
for command in jq openssl curl sqlite3; do
    if ! command -v "$command" >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get install -y --no-install-recommends jq curl openssl sqlite3 >/dev/null ||
                { apt-get update >/dev/null && apt-get install -y --no-install-recommends jq curl openssl sqlite3 >/dev/null; }
        fi
        command -v "$command" >/dev/null || { echo "run-dispatch-benchmark.sh: $command is required" >&2; exit 2; }
    fi
done

if [ -z "$work" ]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/switchyard-dispatch-bench.XXXXXX")"
else
    mkdir -p "$work"
    work="$(cd "$work" && pwd)"
fi
secret="bench-admin-key-0123456789abcdef"
clockTicks="$(getconf CLK_TCK)"
pids=()
# shellcheck source=tests/bench/bench-common.sh
. "$here/bench-common.sh"

log "work folder $work"
loadAtStart="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/tls" "$work/broker/data"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$work/tls/server.key" -out "$work/tls/server.pem" >/dev/null 2>&1
(umask 077 && printf '%s\n' "$secret" >"$work/broker/data/admin.secret")

"$bin/switchyard-bench-instant-nodes" --count "$nodeCount" --ports-file "$work/nodes.json" \
    >"$work/nodes-accepted.json" 2>"$work/nodes.log" &
nodesPid=$!
pids+=("$nodesPid")
for _ in $(seq 1 100); do
    [ -s "$work/nodes.json" ] && break
    sleep 0.1
done
[ -s "$work/nodes.json" ] || { echo "run-dispatch-benchmark.sh: the nodes did not come up" >&2; cat "$work/nodes.log" >&2; exit 1; }
log "instant nodes on ports $(jq -c .ports "$work/nodes.json")"

# brokerConfiguration ENABLED: the .custom overrides beside the copied broker.properties.
brokerConfiguration() {
    local servers="" index
    for index in $(seq 1 "$nodeCount"); do
        servers="$servers${servers:+, }app$index"
    done
    echo "switchyard.dataDir = $work/broker/data"
    echo "switchyard.plugins.directory = $build/lib/switchyard/plugins"
    echo "switchyard.server.https.port = 0"
    echo "switchyard.server.https.certificateFile = $work/tls/server.pem"
    echo "switchyard.server.https.privateKeyFile = $work/tls/server.key"
    echo "switchyard.server.readyFile = $work/broker/ready.json"
    echo "applicationServers = $servers"
    echo "app.default.protocol = http"
    echo "app.default.host = 127.0.0.1"
    echo "app.default.caFile = $work/tls/server.pem"
    echo "app.default.secret = instant-node-key"
    echo "app.default.enabled = $1"
    echo "app.default.maxInFlight = $maxInFlight"
    for index in $(seq 1 "$nodeCount"); do
        echo "app$index.port = $(jq ".ports[$((index - 1))]" "$work/nodes.json")"
    done
    [ -n "$dispatchThreads" ] && echo "switchyard.dispatcher.threads = $dispatchThreads"
    return 0
}

cp "$repo/etc/switchyard/broker.properties" "$work/broker/switchyard.properties"

# startBroker ENABLED: sets brokerPid, brokerPort.
startBroker() {
    brokerConfiguration "$1" >"$work/broker/switchyard.properties.custom"
    rm -f "$work/broker/ready.json"
    "$bin/switchyard" --config "$work/broker/switchyard.properties" >>"$work/broker/daemon.log" 2>&1 &
    brokerPid=$!
    pids+=("$brokerPid")
    if ! brokerPort="$(waitReady "$brokerPid" "$work/broker/ready.json")"; then
        echo "run-dispatch-benchmark.sh: the broker did not come up:" >&2
        tail -n 30 "$work/broker/daemon.log" >&2
        exit 1
    fi
}

systemInfo() {
    curl -s --cacert "$work/tls/server.pem" -H "X-Api-Key: $secret" "https://127.0.0.1:$brokerPort/system-info"
}

# --- 1. fill ---------------------------------------------------------------------------------------
startBroker false
log "filling for ${fillSeconds}s: 32 clients, 4 KiB files, nodes disabled"
"$bin/switchyard-bench-submit" --port "$brokerPort" --ca-file "$work/tls/server.pem" --secret "$secret" \
    --clients 32 --file-bytes 4096 --seconds "$fillSeconds" --warmup-seconds 0 >"$work/fill.json"
queued="$(systemInfo | jq .queueInfo.queueCount)"
log "queued $queued files ($(jq -c '{filesPerSecond, errors}' "$work/fill.json"))"
stopProcess "$brokerPid"

# --- 2. dispatch -----------------------------------------------------------------------------------
started="$(date +%s.%N)"
startBroker true
before="$(cpuSeconds "$brokerPid")"
remaining="$queued"
deadline=$(($(date +%s) + 900))
while [ "$remaining" != 0 ]; do
    sleep 0.05
    remaining="$(systemInfo | jq .queueInfo.queueCount)"
    if ! kill -0 "$nodesPid" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
        echo "run-dispatch-benchmark.sh: dispatch stopped with $remaining queued (nodes gone or 15 min passed)" >&2
        tail -n 5 "$work/nodes.log" >&2
        exit 1
    fi
done
finished="$(date +%s.%N)"
after="$(cpuSeconds "$brokerPid")"
# The last claimed files may still be on their way: wait until every node answer is recorded.
for _ in $(seq 1 200); do
    dispatching="$(sqlite3 "$work/broker/data/broker.db" "SELECT count(*) FROM submissions WHERE state IN ('queued','dispatching')" 2>/dev/null || echo 0)"
    [ "$dispatching" = 0 ] && break
    sleep 0.05
done
handedOver="$(sqlite3 "$work/broker/data/broker.db" "SELECT count(*) FROM submissions WHERE state = 'success'" 2>/dev/null || echo null)"
failed="$(sqlite3 "$work/broker/data/broker.db" "SELECT count(*) FROM submissions WHERE state = 'failed'" 2>/dev/null || echo null)"
stopProcess "$brokerPid"
kill -TERM "$nodesPid"
wait "$nodesPid" || true

jq -n \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
    --argjson cores "$(nproc)" \
    --arg load "$loadAtStart" --arg loadEnd "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --arg fs "$(df -PT "$work" | awk 'NR == 2 { print $1 " (" $2 ")" }')" \
    --argjson nodes "$nodeCount" --argjson files "$queued" --argjson maxInFlight "$maxInFlight" \
    --argjson seconds "$(awk -v a="$finished" -v b="$started" 'BEGIN { printf "%.3f", a - b }')" \
    --argjson cpuSeconds "$(minus "$after" "$before")" \
    --argjson handedOver "$handedOver" --argjson failed "$failed" \
    --slurpfile fill "$work/fill.json" --slurpfile accepted "$work/nodes-accepted.json" \
    '{date: $date,
      machine: {cpu: $cpu, cores: $cores, fileSystem: $fs, loadAverageAtStart: $load, loadAverageAtEnd: $loadEnd},
      settings: {profile: "etc/switchyard/broker.properties", nodes: $nodes, fileBytes: 4096, maxInFlight: $maxInFlight},
      files: $files, seconds: $seconds, filesPerSecond: ($files / $seconds),
      brokerCpuSeconds: $cpuSeconds, brokerCpuUsPerFile: ($cpuSeconds * 1e6 / $files),
      handedOver: $handedOver, failed: $failed, acceptedPerNode: $accepted[0].accepted,
      fill: $fill[0], target: ">= 1000 files/s",
      result: (if $failed != 0 then "ERROR" elif ($files / $seconds) >= 1000 then "PASS" else "MISS" end)}' \
    >"$output"
jq -r '"dispatch: \(.files) files of 4 KiB to \(.settings.nodes) instant nodes in \(.seconds) s: \(.filesPerSecond | floor) files/s (target \(.target): \(.result)); broker CPU \(.brokerCpuUsPerFile | floor) us per file; per node \(.acceptedPerNode); failed \(.failed); load \(.machine.loadAverageAtStart) -> \(.machine.loadAverageAtEnd)"' "$output"
echo "JSON: $output"
