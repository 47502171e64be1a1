#!/usr/bin/env bash
# Switchyard benchmarks (issue 3): the real daemon, side by side with its baselines, in one run.
#
#   tests/bench/run-benchmarks.sh [--quick] [BUILD_DIR] [--output FILE] [--work-dir DIR]
#                                 [--threads N] [--wrk-threads N] [--rounds N] [--perf] [--keep]
#
# BUILD_DIR (default: build/ of this checkout) must hold a finished build: bin/switchyard, the
# plugins and the bench tools (tests/bench/CMakeLists.txt). Nothing is built here.
#
# 1. GET /submit-result, 64 keep-alive HTTPS connections (wrk), 1,000 queued, against a bare POCO
#    HTTPS server (switchyard-bench-bare-https) answering a captured real answer.
# 2. The same with 1,000,000 queued (switchyard-bench-prefill fills SQLite through the plugin).
# 3. Durable POST /submit of 4 KiB files from 32 clients, beside write+fdatasync ops/s.
# 4. POST /submit of one 1 GiB file, beside dd ... conv=fdatasync on the same file system.
# 5. The daemon's VmRSS with 1,000,000 queued, after the /submit-result traffic of 2.
#
# The daemon runs the shipped profile (etc/switchyard/standalone.properties: storage.sqlite,
# blobs.filesystem with fsync, synchronous FULL), copied into a temporary folder; a .custom file
# beside the copy only moves it there (data folder, port 0, certificate, ready file) and, with
# --threads, sets switchyard.server.maxThreads (the bare server always gets the same value).
# 1 and 2 run in --rounds turns (default 3: daemon, bare server, daemon with the big queue, three
# times; all three up at once) and report each side's median round, as this machine is shared.
# --quick: 100,000 queued instead of 1,000,000, 256 MiB instead of 1 GiB, 5 s runs, one round.
# --perf: also records `perf record --call-graph dwarf` of the daemon and the bare server during
# every measured run (perf-*.data in the work folder, which is then kept). Prints a table and writes the figures and their ratios as JSON (default:
# bench-results.json in the current folder).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

quick=0
build="$repo/build"
output="$PWD/bench-results.json"
work=""
threads=""
wrkThreads=2
roundsOption=""
perf=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --output) output="$2"; shift ;;
    --work-dir) work="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --wrk-threads) wrkThreads="$2"; shift ;;
    --rounds) roundsOption="$2"; shift ;;
    --perf) perf=1; keep=1 ;;
    --keep) keep=1 ;;
    --build-dir) build="$2"; shift ;;
    -h | --help) sed -n '2,29p' "$0"; exit 0 ;;
    -*) echo "run-benchmarks.sh: unknown option $1" >&2; exit 2 ;;
    *) build="$1" ;;
    esac
    shift
done
build="$(cd "$build" && pwd)"
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac

if [ "$quick" = 1 ]; then
    bigQueue=100000; runSeconds=5; warmupSeconds=1; largeBytes=$((256 << 20)); fsyncSeconds=2; rounds=1
else
    bigQueue=1000000; runSeconds=15; warmupSeconds=3; largeBytes=$((1024 << 20)); fsyncSeconds=5; rounds=3
fi
rounds="${roundsOption:-$rounds}"
smallQueue=1000
connections=64
submitClients=32
fileBytes=4096
idSample=10000

for tool in switchyard switchyard-bench-bare-https switchyard-bench-prefill switchyard-bench-submit \
    switchyard-bench-fsync; do
    if [ ! -x "$build/bin/$tool" ]; then
        echo "run-benchmarks.sh: $build/bin/$tool is missing; build the tree first (this script builds nothing)" >&2
        exit 2
    fi
done
for command in wrk jq openssl curl dd; do
    if ! command -v "$command" >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get install -y --no-install-recommends wrk jq curl >/dev/null ||
                { apt-get update >/dev/null && apt-get install -y --no-install-recommends wrk jq curl >/dev/null; }
        fi
        command -v "$command" >/dev/null || { echo "run-benchmarks.sh: $command is required" >&2; exit 2; }
    fi
done
if [ "$perf" = 1 ] && ! command -v perf >/dev/null; then
    echo "run-benchmarks.sh: --perf needs perf (Debian: linux-perf)" >&2
    exit 2
fi

if [ -z "$work" ]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/switchyard-bench.XXXXXX")"
else
    mkdir -p "$work"
    work="$(cd "$work" && pwd)"
fi
bin="$build/bin"
secret="bench-admin-key-0123456789abcdef"
clockTicks="$(getconf CLK_TCK)"
pids=()

# shellcheck source=tests/bench/bench-common.sh
. "$here/bench-common.sh"

# startDaemon NAME [nodes-paused]: runs the shipped profile on $work/NAME/data; sets daemonPid,
# daemonPort. With nodes-paused, the embedded node is disabled (app1.enabled = false), as when
# every node is busy or down: the prefilled submissions (which have no binary) stay queued
# instead of being claimed and failed by the dispatcher during the measurement.
startDaemon() {
    local name="$1" folder="$work/$1" paused="${2:-}"
    mkdir -p "$folder/data"
    cp "$repo/etc/switchyard/standalone.properties" "$folder/switchyard.properties"
    {
        echo "switchyard.dataDir = $folder/data"
        echo "switchyard.plugins.directory = $build/lib/switchyard/plugins"
        echo "switchyard.server.https.port = 0"
        echo "switchyard.server.https.certificateFile = $work/tls/server.pem"
        echo "switchyard.server.https.privateKeyFile = $work/tls/server.key"
        echo "switchyard.server.readyFile = $folder/ready.json"
        [ -n "$threads" ] && echo "switchyard.server.maxThreads = $threads"
        [ "$paused" = nodes-paused ] && echo "app1.enabled = false"
        true
    } >"$folder/switchyard.properties.custom"
    (umask 077 && printf '%s\n' "$secret" >"$folder/data/admin.secret")
    rm -f "$folder/ready.json"
    "$bin/switchyard" --config "$folder/switchyard.properties" >"$folder/daemon.log" 2>&1 &
    daemonPid=$!
    pids+=("$daemonPid")
    if ! daemonPort="$(waitReady "$daemonPid" "$folder/ready.json")"; then
        echo "run-benchmarks.sh: the daemon ($name) did not come up:" >&2
        tail -n 30 "$folder/daemon.log" >&2
        exit 1
    fi
    log "daemon ($name) pid $daemonPid on https://127.0.0.1:$daemonPort"
}

# startPerf NAME PID SECONDS: perf record of PID in the background (only with --perf).
startPerf() {
    perfPid=""
    [ "$perf" = 1 ] || return 0
    # DWARF unwinding: the build has no frame pointers.
    perf record -q -F 299 --call-graph dwarf,16384 -p "$2" -o "$work/perf-$1.data" -- sleep "$3" >/dev/null 2>&1 &
    perfPid=$!
}
waitPerf() { [ -z "${perfPid:-}" ] || wait "$perfPid" || true; }
# Ends a recording before its time (perf writes what it has on SIGINT).
stopPerf() { [ -z "${perfPid:-}" ] || kill -INT "$perfPid" 2>/dev/null || true; waitPerf; }

# wrkRun NAME PORT IDS SERVER_PID: warm-up, then the measured run; writes $work/NAME.json, adding
# the server's CPU time per request.
wrkRun() {
    local name="$1" port="$2" ids="$3" pid="$4" before after
    local url="https://127.0.0.1:$port"
    wrk -t"$wrkThreads" -c"$connections" -d"${warmupSeconds}s" --timeout 10s -s "$here/submit-result.lua" "$url" \
        -- "$ids" "$secret" >"$work/$name-warmup.txt" 2>&1
    before="$(cpuSeconds "$pid")"
    startPerf "$name" "$pid" "$runSeconds"
    wrk -t"$wrkThreads" -c"$connections" -d"${runSeconds}s" --timeout 10s --latency -s "$here/submit-result.lua" \
        "$url" -- "$ids" "$secret" >"$work/$name.txt" 2>&1
    waitPerf
    after="$(cpuSeconds "$pid")"
    grep '^{' "$work/$name.txt" | tail -n 1 |
        jq --argjson cpu "$(minus "$after" "$before")" \
            '. + {serverCpuSeconds: $cpu, serverCpuUsPerRequest: (if .requests > 0 then $cpu * 1e6 / .requests else null end)}' \
            >"$work/$name.json"
    log "$name: $(jq -c '{requestsPerSecond, p50Us, p99Us, errors, serverCpuUsPerRequest}' "$work/$name.json")"
}

log "work folder $work"
loadAtStart="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$work/tls/server.key" -out "$work/tls/server.pem" >/dev/null 2>&1

# --- prefill --------------------------------------------------------------------------------------
for queue in small big; do
    count=$([ "$queue" = small ] && echo "$smallQueue" || echo "$bigQueue")
    mkdir -p "$work/queue-$queue/data"
    log "prefilling $count queued submissions ($queue)"
    "$bin/switchyard-bench-prefill" --data-dir "$work/queue-$queue/data" --count "$count" \
        --ids-file "$work/ids-$queue.txt" --sample "$idSample" >"$work/prefill-$queue.json"
    log "prefill $queue: $(cat "$work/prefill-$queue.json")"
done

# --- 1., 2. and 5. /submit-result: daemon with the small queue, bare server, daemon with the big ----
# queue, all three up at once and measured in turns (rounds), so that a burst of other work on this
# shared machine hits one round of each rather than one side; each side reports its median round.
startDaemon queue-small nodes-paused
smallPid="$daemonPid"
smallPort="$daemonPort"
firstId="$(sed -n "$((smallQueue / 20 + 1))p" "$work/ids-small.txt")"
status="$(curl -s --cacert "$work/tls/server.pem" -o "$work/answer.json" -w '%{http_code}' \
    -H "X-Api-Key: $secret" "https://127.0.0.1:$smallPort/submit-result?submitID=$firstId")"
if [ "$status" != 200 ]; then
    echo "run-benchmarks.sh: /submit-result answered $status: $(cat "$work/answer.json")" >&2
    exit 1
fi
log "a real /submit-result answer ($(wc -c <"$work/answer.json") bytes): $(cat "$work/answer.json")"
if ! jq -e '.state == "QUEUED" and .positionInQueue > 0' "$work/answer.json" >/dev/null; then
    echo "run-benchmarks.sh: the prefilled submission is not waiting in the queue; the measurement would not be of a queue" >&2
    exit 1
fi

"$bin/switchyard-bench-bare-https" --certificate "$work/tls/server.pem" --private-key "$work/tls/server.key" \
    --body-file "$work/answer.json" --ready-file "$work/bare-ready.json" ${threads:+--max-threads "$threads"} \
    >"$work/bare.log" 2>&1 &
barePid=$!
pids+=("$barePid")
barePort="$(waitReady "$barePid" "$work/bare-ready.json")" || { cat "$work/bare.log" >&2; exit 1; }
log "bare POCO HTTPS server pid $barePid on https://127.0.0.1:$barePort"

startDaemon queue-big nodes-paused
bigPid="$daemonPid"
bigPort="$daemonPort"
rssBigBefore="$(rssKiB "$bigPid")"

for round in $(seq 1 "$rounds"); do
    wrkRun "submit-result-small-$round" "$smallPort" "$work/ids-small.txt" "$smallPid"
    wrkRun "submit-result-bare-$round" "$barePort" "$work/ids-small.txt" "$barePid"
    wrkRun "submit-result-big-$round" "$bigPort" "$work/ids-big.txt" "$bigPid"
done
for side in small bare big; do
    jq -s '{median: (sort_by(.requestsPerSecond) | .[(length - 1) / 2 | floor]), rounds: .}' \
        "$work"/submit-result-"$side"-*.json >"$work/submit-result-$side.json"
done
rssSmall="$(rssKiB "$smallPid")"
rssBig="$(rssKiB "$bigPid")"
hwmBig="$(hwmKiB "$bigPid")"
for pid in "$smallPid" "$barePid" "$bigPid"; do
    stopProcess "$pid"
done

# --- 3. and 4. durable /submit ------------------------------------------------------------------
startDaemon submit
dataDir="$work/submit/data"
log "fsync rate in $dataDir"
"$bin/switchyard-bench-fsync" --dir "$dataDir" --seconds "$fsyncSeconds" --threads 1 >"$work/fsync-1.json"
"$bin/switchyard-bench-fsync" --dir "$dataDir" --seconds "$fsyncSeconds" --threads "$submitClients" \
    >"$work/fsync-$submitClients.json"
log "fsync: $(cat "$work/fsync-1.json") $(cat "$work/fsync-$submitClients.json")"

log "POST /submit: $submitClients clients, $fileBytes-byte files, ${runSeconds}s"
before="$(cpuSeconds "$daemonPid")"
startPerf submit-small "$daemonPid" "$((runSeconds + warmupSeconds))"
"$bin/switchyard-bench-submit" --port "$daemonPort" --ca-file "$work/tls/server.pem" --secret "$secret" \
    --clients "$submitClients" --file-bytes "$fileBytes" --seconds "$runSeconds" \
    --warmup-seconds "$warmupSeconds" >"$work/submit-small.json" || true
waitPerf
after="$(cpuSeconds "$daemonPid")"
jq --argjson cpu "$(minus "$after" "$before")" --argjson warmup "$warmupSeconds" \
    '. + {serverCpuSecondsWithWarmup: $cpu,
          serverCpuUsPerFile: (if .files > 0 then $cpu * 1e6 / (.filesPerSecond * (.seconds + $warmup)) else null end)}' \
    "$work/submit-small.json" >"$work/submit-small.tmp" && mv "$work/submit-small.tmp" "$work/submit-small.json"
log "submit small: $(cat "$work/submit-small.json")"

log "dd: $((largeBytes >> 20)) MiB with conv=fdatasync into $dataDir"
sync
dd if=/dev/zero of="$dataDir/dd-baseline.tmp" bs=1M count="$((largeBytes >> 20))" conv=fdatasync 2>"$work/dd.txt"
rm -f "$dataDir/dd-baseline.tmp"
ddBytes="$(awk '/bytes/ { print $1 }' "$work/dd.txt")"
ddSeconds="$(awk -F', ' '/bytes/ { split($3, part, " "); print part[1] }' "$work/dd.txt")"
jq -n --argjson bytes "$ddBytes" --argjson seconds "$ddSeconds" \
    '{bytes: $bytes, seconds: $seconds, mbPerSecond: ($bytes / 1e6 / $seconds)}' >"$work/dd.json"
log "dd: $(cat "$work/dd.json")"

log "POST /submit: one file of $((largeBytes >> 20)) MiB"
sync
before="$(cpuSeconds "$daemonPid")"
startPerf submit-large "$daemonPid" 30
"$bin/switchyard-bench-submit" --port "$daemonPort" --ca-file "$work/tls/server.pem" --secret "$secret" \
    --single-file-bytes "$largeBytes" >"$work/submit-large.json" || true
after="$(cpuSeconds "$daemonPid")"
jq --argjson cpu "$(minus "$after" "$before")" '. + {serverCpuSeconds: $cpu}' \
    "$work/submit-large.json" >"$work/submit-large.tmp" && mv "$work/submit-large.tmp" "$work/submit-large.json"
stopPerf
log "submit large: $(cat "$work/submit-large.json")"
stopProcess "$daemonPid"

# --- results --------------------------------------------------------------------------------------
jq -n \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg mode "$([ "$quick" = 1 ] && echo quick || echo full)" \
    --arg cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
    --argjson cores "$(nproc)" \
    --argjson memoryMiB "$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)" \
    --arg kernel "$(uname -r)" \
    --arg load "$loadAtStart" --arg loadEnd "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --arg fs "$(df -PT "$work" | awk 'NR == 2 { print $1 " (" $2 ")" }')" \
    --arg threads "${threads:-shipped default}" \
    --argjson wrkThreads "$wrkThreads" --argjson connections "$connections" \
    --argjson runSeconds "$runSeconds" --argjson rounds "$rounds" --argjson smallQueue "$smallQueue" --argjson bigQueue "$bigQueue" \
    --argjson submitClients "$submitClients" --argjson fileBytes "$fileBytes" --argjson largeBytes "$largeBytes" \
    --slurpfile small "$work/submit-result-small.json" --slurpfile bare "$work/submit-result-bare.json" \
    --slurpfile big "$work/submit-result-big.json" \
    --slurpfile prefillSmall "$work/prefill-small.json" --slurpfile prefillBig "$work/prefill-big.json" \
    --slurpfile fsync1 "$work/fsync-1.json" --slurpfile fsyncN "$work/fsync-$submitClients.json" \
    --slurpfile submitSmall "$work/submit-small.json" --slurpfile submitLarge "$work/submit-large.json" \
    --slurpfile dd "$work/dd.json" \
    --argjson rssSmall "$rssSmall" --argjson rssBigBefore "$rssBigBefore" --argjson rssBig "$rssBig" \
    --argjson hwmBig "$hwmBig" \
    -f "$here/results.jq" >"$output"

jq -r -f "$here/table.jq" "$output"
echo
echo "JSON: $output"
