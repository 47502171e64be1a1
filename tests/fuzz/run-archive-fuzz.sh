#!/usr/bin/env bash
# Runs the archive fuzzer for a bounded time from a seed corpus made at test time.
# usage: run-archive-fuzz.sh FUZZER SEED_MAKER WORK_FOLDER SECONDS
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3 seconds=$4
rm -rf "$work"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
"$seeds" "$work/seeds"
# -malloc_limit_mb above -rss_limit_mb: decompressors reserve their dictionaries up front.
"$fuzzer" "$work/corpus" "$work/seeds" -max_total_time="$seconds" -rss_limit_mb=1024 -malloc_limit_mb=2048 \
    -timeout=10 -artifact_prefix="$work/artifacts/" -print_final_stats=1
