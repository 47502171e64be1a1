#!/usr/bin/env bash
# Builds Switchyard and runs every test. Run as root on a fresh Debian 12 machine; installs what
# is missing first. Exits with the tests' status.
#
# Stages (each one fails the run):
#   1. format: clang-format on every C++ file;
#   2. g++ build (warnings are errors) and the whole ctest suite, including "packaging"
#      (tests/packaging/run-package-test.sh: the Debian packages, lintian, the unit, the vendor
#      plugin built against the unpacked SDK and served by the unpacked daemon);
#   3. clang build with AddressSanitizer + UndefinedBehaviorSanitizer (warnings are errors)
#      and the whole ctest suite again, but "packaging": a sanitizer build is not what ships.
# SWITCHYARD_TEST_STAGES="gcc asan" (a subset of "format gcc asan") picks stages.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=packaging/dependencies.sh
. "$root/packaging/dependencies.sh"
install_missing_packages "${SWITCHYARD_BUILD_PACKAGES[@]}" "${SWITCHYARD_TEST_PACKAGES[@]}"

stages=${SWITCHYARD_TEST_STAGES:-format gcc asan}
jobs=$(nproc)

stage() { printf '\n=== %s ===\n' "$*"; }

if [[ " $stages " == *" format "* ]]; then
    stage "format check (clang-format)"
    mapfile -t sources < <(cd "$root" && git ls-files '*.cpp' '*.h' 2>/dev/null || find kernel plugins tests -name '*.cpp' -o -name '*.h')
    (cd "$root" && clang-format --dry-run -Werror "${sources[@]}")
fi

run_suite() {
    local name=$1
    shift
    local build="$root/build-$name"
    stage "$name: configure and build"
    cmake -S "$root" -B "$build" -G Ninja "$@" >/dev/null
    cmake --build "$build" -j "$jobs"
    stage "$name: ctest"
    ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 600
}

if [[ " $stages " == *" gcc "* ]]; then
    run_suite gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=g++
fi
if [[ " $stages " == *" asan "* ]]; then
    export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_suite asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DSWITCHYARD_SANITIZE=ON
fi
stage "all tests passed"
