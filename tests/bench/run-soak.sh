#!/usr/bin/env bash
# Switchyard soak benchmark (issue 7): the shipped broker profile and a reference node (the same
# daemon with the shipped node profile), under mixed traffic for a long time, with the node
# restarted every --restart-seconds (alternately SIGTERM and SIGKILL).
#
#   tests/bench/run-soak.sh [BUILD_DIR] [--minutes 10] [--connections 64] [--submit-rate 20]
#                           [--restart-seconds 60] [--warmup-seconds 120] [--threads N]
#                           [--output FILE] [--work-dir DIR] [--keep]
#
# Traffic (switchyard-bench-soak): a quarter of the connections submit 4 KiB files (together
# --submit-rate files/s, below what the one node analyses beside this load on two cores, about
# 30 files/s, so the queue stays bounded: a steady state, not a growing backlog), a quarter
# fetch /task reports, the rest poll /submit-result. Every 10 s the broker's VmRSS, open files
# and threads are sampled. Afterwards the queue is left to drain and every accepted submitID is
# asked for again.
#
# Passes when: no 5xx answer and no transport error during the load; no accepted submission is
# unknown afterwards; the broker's RSS and open files sampled after the warm-up and until the
# load ends stay within 10% of their value at the end of the warm-up. Prints a table and writes JSON (default soak-results.json).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

build="$repo/build"
minutes=10
connections=64
submitRate=20
restartSeconds=60
warmupSeconds=120
threads=""
output="$PWD/soak-results.json"
work=""
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --minutes) minutes="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --submit-rate) submitRate="$2"; shift ;;
    --restart-seconds) restartSeconds="$2"; shift ;;
    --warmup-seconds) warmupSeconds="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --output) output="$2"; shift ;;
    --work-dir) work="$2"; shift ;;
    --keep) keep=1 ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "run-soak.sh: unknown option $1" >&2; exit 2 ;;
    *) build="$1" ;;
    esac
    shift
done
build="$(cd "$build" && pwd)"
bin="$build/bin"
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac
for tool in switchyard switchyard-bench-soak; do
    if [ ! -x "$bin/$tool" ]; then
        echo "run-soak.sh: $bin/$tool is missing; build the tree first (this script builds nothing)" >&2
        exit 2
    fi
done
for command in jq openssl curl; do
    command -v "$command" >/dev/null || { echo "run-soak.sh: $command is required" >&2; exit 2; }
done

if [ -z "$work" ]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/switchyard-soak.XXXXXX")"
else
    mkdir -p "$work"
    work="$(cd "$work" && pwd)"
fi
secret="soak-admin-key-0123456789abcdef"
nodeSecret="soak-node-key-0123456789abcdef"
clockTicks="$(getconf CLK_TCK)"
pids=()
# shellcheck source=tests/bench/bench-common.sh
. "$here/bench-common.sh"
# The restarter starts nodes in a subshell, so the last one is not in pids: its ready file knows it.
trap 'kill -KILL "$(jq -r .pid "$work/node/ready.json" 2>/dev/null || echo 0)" 2>/dev/null || true; cleanup' EXIT

log "work folder $work"
mkdir -p "$work/tls" "$work/broker/data" "$work/node/data"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$work/tls/server.key" -out "$work/tls/server.pem" >/dev/null 2>&1
(umask 077 && printf '%s\n' "$secret" >"$work/broker/data/admin.secret" &&
    printf '%s\n' "$nodeSecret" >"$work/node/data/broker.secret")

# --- the node: first on a free port, then always on that one (the broker's configuration names it)
cp "$repo/etc/switchyard/node.properties" "$work/node/switchyard.properties"
nodePort=0
startNode() {
    {
        echo "switchyard.dataDir = $work/node/data"
        echo "switchyard.plugins.directory = $build/lib/switchyard/plugins"
        echo "switchyard.server.https.address = 127.0.0.1"
        echo "switchyard.server.https.port = $nodePort"
        echo "switchyard.server.https.certificateFile = $work/tls/server.pem"
        echo "switchyard.server.https.privateKeyFile = $work/tls/server.key"
        echo "switchyard.server.readyFile = $work/node/ready.json"
        echo "switchyard.instances.files.minFreeMiB = 0"
    } >"$work/node/switchyard.properties.custom"
    rm -f "$work/node/ready.json"
    "$bin/switchyard" --config "$work/node/switchyard.properties" >>"$work/node/daemon.log" 2>&1 &
    nodePid=$!
    pids+=("$nodePid")
    if ! nodePort="$(waitReady "$nodePid" "$work/node/ready.json")"; then
        echo "run-soak.sh: the node did not come up:" >&2
        tail -n 30 "$work/node/daemon.log" >&2
        exit 1
    fi
}
startNode
log "node pid $nodePid on https://127.0.0.1:$nodePort"

# --- the broker
cp "$repo/etc/switchyard/broker.properties" "$work/broker/switchyard.properties"
{
    echo "switchyard.dataDir = $work/broker/data"
    echo "switchyard.plugins.directory = $build/lib/switchyard/plugins"
    echo "switchyard.server.https.port = 0"
    echo "switchyard.server.https.certificateFile = $work/tls/server.pem"
    echo "switchyard.server.https.privateKeyFile = $work/tls/server.key"
    echo "switchyard.server.readyFile = $work/broker/ready.json"
    echo "applicationServers = app1"
    echo "app1.host = 127.0.0.1"
    echo "app1.port = $nodePort"
    echo "app.default.protocol = https"
    echo "app.default.caFile = $work/tls/server.pem"
    echo "app.default.secret = $nodeSecret"
    [ -n "$threads" ] && echo "switchyard.server.maxThreads = $threads"
    true
} >"$work/broker/switchyard.properties.custom"
"$bin/switchyard" --config "$work/broker/switchyard.properties" >"$work/broker/daemon.log" 2>&1 &
brokerPid=$!
pids+=("$brokerPid")
if ! brokerPort="$(waitReady "$brokerPid" "$work/broker/ready.json")"; then
    echo "run-soak.sh: the broker did not come up:" >&2
    tail -n 30 "$work/broker/daemon.log" >&2
    exit 1
fi
log "broker pid $brokerPid on https://127.0.0.1:$brokerPort"

systemInfo() {
    curl -s --cacert "$work/tls/server.pem" -H "X-Api-Key: $secret" "https://127.0.0.1:$brokerPort/system-info"
}

# --- sampling and node restarts, in the background while the load runs
started="$(date +%s)"
loadSeconds=$((minutes * 60))
sampler() {
    echo "seconds rssKiB openFiles threads"
    while kill -0 "$brokerPid" 2>/dev/null; do
        echo "$(($(date +%s) - started)) $(rssKiB "$brokerPid") $(ls "/proc/$brokerPid/fd" | wc -l) $(ls "/proc/$brokerPid/task" | wc -l)"
        sleep 10
    done
}
sampler >"$work/samples.txt" &
samplerPid=$!
pids+=("$samplerPid")

restarter() {
    local count=0 signal
    while true; do
        sleep "$restartSeconds"
        count=$((count + 1))
        signal=$([ $((count % 2)) = 1 ] && echo KILL || echo TERM)
        kill "-$signal" "$nodePid" 2>/dev/null || true
        wait "$nodePid" 2>/dev/null || true
        local down
        down="$(date +%s.%N)"
        startNode
        echo "$(($(date +%s) - started)) SIG$signal back-after $(awk -v a="$(date +%s.%N)" -v b="$down" 'BEGIN { printf "%.2f", a - b }')s pid $nodePid"
    done
}
restarter >"$work/restarts.txt" 2>>"$work/restarter.log" &
restarterPid=$!
pids+=("$restarterPid")

log "load: $connections connections for ${minutes} min, node restarted every ${restartSeconds}s"
loadStatus=0
"$bin/switchyard-bench-soak" --port "$brokerPort" --ca-file "$work/tls/server.pem" --secret "$secret" \
    --connections "$connections" --seconds "$loadSeconds" --submit-rate "$submitRate" \
    --ids-file "$work/ids.txt" >"$work/load.json" 2>"$work/load.log" || loadStatus=$?
kill "$restarterPid" 2>/dev/null || true
wait "$restarterPid" 2>/dev/null || true
# The node the restarter started last is still running; if the restarter was stopped between the
# kill and the start, start it again.
kill -0 "$(jq -r .pid "$work/node/ready.json" 2>/dev/null || echo 0)" 2>/dev/null || startNode
log "load done (status $loadStatus): $(jq -c '{submitted, accepted, serverErrors, transportErrors}' "$work/load.json")"

# --- drain and verify
log "waiting for the queue to drain (at most 5 min)"
queued="$(systemInfo | jq '.queueInfo.queueCount // -1')"
for _ in $(seq 1 300); do
    [ "$queued" = 0 ] && break
    sleep 1
    queued="$(systemInfo | jq '.queueInfo.queueCount // -1')"
done
log "queued after the load: $queued"
verifyStatus=0
"$bin/switchyard-bench-soak" --port "$brokerPort" --ca-file "$work/tls/server.pem" --secret "$secret" \
    --verify-ids "$work/ids.txt" >"$work/verify.json" 2>"$work/verify.log" || verifyStatus=$?
kill "$samplerPid" 2>/dev/null || true
wait "$samplerPid" 2>/dev/null || true
log "verify: $(jq -c '{ids, lost, states}' "$work/verify.json")"
stopProcess "$brokerPid"
# The last node was started by the restarter, not by this shell: no wait, only a watch.
lastNode="$(jq -r .pid "$work/node/ready.json")"
kill -TERM "$lastNode" 2>/dev/null || true
for _ in $(seq 1 200); do
    kill -0 "$lastNode" 2>/dev/null || break
    sleep 0.1
done

# --- results
jq -n \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --argjson minutes "$minutes" --argjson connections "$connections" --argjson submitRate "$submitRate" \
    --argjson restartSeconds "$restartSeconds" --argjson warmupSeconds "$warmupSeconds" \
    --argjson queuedAfter "$queued" --argjson loadSeconds "$loadSeconds" \
    --slurpfile load "$work/load.json" --slurpfile verify "$work/verify.json" \
    --rawfile samples "$work/samples.txt" --rawfile restarts "$work/restarts.txt" '
    def rows: $samples | split("\n") | .[1:] | map(select(length > 0) | split(" ") | map(tonumber))
        | map({seconds: .[0], rssKiB: .[1], openFiles: .[2], threads: .[3]});
    (rows) as $rows
    | ($rows | map(select(.seconds >= $warmupSeconds)) | .[0]) as $base
    | ($rows | map(select(.seconds > $warmupSeconds and .seconds <= $loadSeconds))) as $after
    | {
        date: $date, minutes: $minutes, connections: $connections, submitRate: $submitRate,
        restartSeconds: $restartSeconds, warmupSeconds: $warmupSeconds,
        restarts: ($restarts | split("\n") | map(select(length > 0))),
        load: $load[0], verify: $verify[0], queuedAfter: $queuedAfter,
        samples: $rows,
        rss: {atWarmupKiB: $base.rssKiB, maxAfterKiB: ($after | map(.rssKiB) | max),
              ratio: (($after | map(.rssKiB) | max) / $base.rssKiB)},
        openFiles: {atWarmup: $base.openFiles, maxAfter: ($after | map(.openFiles) | max),
                    ratio: (($after | map(.openFiles) | max) / $base.openFiles)},
        threads: {atWarmup: $base.threads, maxAfter: ($after | map(.threads) | max)}
      }
    | .pass = {
        no5xx: (.load.serverErrors == 0 and .verify.serverErrors == 0),
        noTransportErrors: (.load.transportErrors == 0),
        nothingLost: (.verify.lost == 0 and .verify.ids == .load.accepted),
        rssFlat: (.rss.ratio <= 1.10),
        openFilesFlat: (.openFiles.ratio <= 1.10)
      }
    | .passed = ([.pass[]] | all)' >"$output"

jq -r '
    "Switchyard soak, \(.date): \(.minutes) min, \(.connections) connections, node restarted every \(.restartSeconds) s (\(.restarts | length) restarts)",
    "answers: \(.load.answers | tojson)",
    "submitted \(.load.submitted), accepted \(.load.accepted); 5xx \(.load.serverErrors); transport errors \(.load.transportErrors)",
    "after: \(.verify.ids) asked again, \(.verify.lost) lost, states \(.verify.states | tojson), queued \(.queuedAfter)",
    "RSS \(.rss.atWarmupKiB) KiB at the end of warm-up, at most \(.rss.maxAfterKiB) KiB after (x\(.rss.ratio * 1000 | round / 1000))",
    "open files \(.openFiles.atWarmup) at the end of warm-up, at most \(.openFiles.maxAfter) after (x\(.openFiles.ratio * 1000 | round / 1000)); threads \(.threads.atWarmup) -> at most \(.threads.maxAfter)",
    "checks: \(.pass | tojson)",
    (if .passed then "PASS" else "FAIL" end)' "$output"
echo "JSON: $output"
[ "$(jq -r .passed "$output")" = true ]
