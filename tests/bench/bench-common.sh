# Sourced by the benchmark scripts: process bookkeeping, CPU and memory readings, readiness.
# The caller sets: work (the work folder), keep (1 keeps it), clockTicks, pids=() (killed on exit).

cleanup() {
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [ "$keep" = 1 ]; then
        echo "work folder kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# CPU seconds (user + system) the process has used so far.
cpuSeconds() {
    awk -v ticks="$clockTicks" '{ printf "%.3f\n", ($14 + $15) / ticks }' "/proc/$1/stat"
}

# minus A B: A - B, for CPU seconds.
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", a - b }'; }

rssKiB() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwmKiB() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# waitReady PID READY_FILE: the HTTPS port once READY_FILE exists; fails if PID exits first.
waitReady() {
    local pid="$1" ready="$2"
    for _ in $(seq 1 1200); do
        if [ -s "$ready" ]; then
            jq -r .httpsPort "$ready"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

stopProcess() {
    local pid="$1" status=0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || status=$?
    if [ "$status" != 0 ]; then
        echo "$(basename "$0"): process $pid exited with status $status" >&2
    fi
}

