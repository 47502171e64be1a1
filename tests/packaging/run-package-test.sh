#!/usr/bin/env bash
# The Debian packages, end to end, from a finished build folder (ctest runs it as "packaging"):
#
#   tests/packaging/run-package-test.sh BUILD_DIR
#
#  1. cpack builds switchyard and switchyard-dev; their files, control fields, conffiles and
#     maintainer scripts are checked; lintian must report no error; the unit passes
#     `systemd-analyze verify` (when systemd-analyze is installed);
#  2. both packages are unpacked into a scratch root; the vendor plugin of
#     tests/fixtures/vendor-plugin is built there against the unpacked SDK alone
#     (find_package(Switchyard)) and installed beside the shipped plugins;
#  3. the unpacked daemon runs the shipped standalone profile plus the vendor plugin on
#     127.0.0.1 (port 0, read from its ready file), logging to a rotating file: the vendor
#     endpoint answers over HTTPS, the access log has its line, no secret is logged;
#  4. the vendor plugin built with the other compiler (clang++ for a g++ build, g++ for a clang++
#     one: another build id): the SDK
#     refuses to configure it, and once forced, the daemon refuses to load it with the precise
#     message.
# Needs: cpack, dpkg-deb, lintian, cmake, ninja, g++, clang++, openssl, curl (packaging/dependencies.sh).
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
    echo "usage: $0 BUILD_DIR (a configured and built Switchyard build folder)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
source_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/switchyard-package-test.XXXXXX)
daemon_pid=""

cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -KILL "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf -- '--- %s\n' "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# expect_in FILE PATTERN WHAT: FILE has a line matching the fixed string PATTERN.
expect_in() {
    grep -qF -- "$2" "$1" || {
        echo "--- $1:" >&2
        cat "$1" >&2
        fail "$3: no '$2'"
    }
}

for tool in cpack dpkg-deb lintian cmake ninja g++ clang++ openssl curl; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (see packaging/dependencies.sh)"
done

# ---- 1. build the packages ------------------------------------------------------------------
step "cpack"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/debs") >"$work/cpack.log" 2>&1 ||
    {
        cat "$work/cpack.log" >&2
        fail "cpack failed"
    }
runtime_deb=$(ls "$work"/debs/switchyard_*.deb)
dev_deb=$(ls "$work"/debs/switchyard-dev_*.deb)
echo "built $(basename "$runtime_deb") and $(basename "$dev_deb")"

step "package contents"
dpkg-deb -c "$runtime_deb" | awk '{print $1, $6}' >"$work/runtime.contents"
dpkg-deb -c "$dev_deb" | awk '{print $1, $6}' >"$work/dev.contents"
for path in ./usr/bin/switchyard ./etc/switchyard/standalone.properties ./etc/switchyard/broker.properties \
    ./etc/switchyard/node.properties ./lib/systemd/system/switchyard@.service \
    ./usr/share/doc/switchyard/copyright ./usr/share/doc/switchyard/changelog.Debian.gz; do
    expect_in "$work/runtime.contents" " $path" "switchyard package"
done
plugin_count=0
for plugin in "$build"/lib/switchyard/plugins/*.so; do
    # Shared objects are not executable (0644).
    expect_in "$work/runtime.contents" "-rw-r--r-- ./usr/lib/switchyard/plugins/$(basename "$plugin")" \
        "switchyard package plugin"
    plugin_count=$((plugin_count + 1))
done
[ "$plugin_count" -ge 15 ] || fail "only $plugin_count plugins in the build folder"
if grep -q '\.custom$' "$work/runtime.contents"; then
    fail "the package ships a .custom file: those are the operator's"
fi
for path in ./usr/include/switchyard/plugin/PluginAbi.h ./usr/include/switchyard/plugin/BuildId.h \
    ./usr/include/switchyard/plugin/Endpoint.h ./usr/share/doc/switchyard-dev/copyright; do
    expect_in "$work/dev.contents" " $path" "switchyard-dev package"
done
grep -qE ' \./usr/lib/([a-z0-9_-]+/)?cmake/Switchyard/SwitchyardConfig\.cmake$' "$work/dev.contents" ||
    fail "switchyard-dev has no SwitchyardConfig.cmake"
if grep -q '\.so$' "$work/dev.contents"; then
    fail "switchyard-dev ships a library"
fi

step "control fields and maintainer scripts"
dpkg-deb -f "$runtime_deb" Package Version Depends Section Description >"$work/runtime.control"
for field in "Package: switchyard" "Section: net" "adduser" "openssl" "libpocofoundation" "libpoconetssl" "libc6" \
    "libmagic1" "libstdc++6"; do
    expect_in "$work/runtime.control" "$field" "switchyard Depends/fields"
done
dpkg-deb -f "$dev_deb" Package Depends Section >"$work/dev.control"
version=$(dpkg-deb -f "$runtime_deb" Version)
for field in "Package: switchyard-dev" "Section: devel" "switchyard (= $version)" "libpoco-dev" "libboost-dev"; do
    expect_in "$work/dev.control" "$field" "switchyard-dev fields"
done
dpkg-deb -e "$runtime_deb" "$work/control"
printf '/etc/switchyard/%s.properties\n' standalone broker node | sort >"$work/expected.conffiles"
sort "$work/control/conffiles" | diff -u "$work/expected.conffiles" - || fail "conffiles"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "no executable $script"
    sh -n "$work/control/$script" || fail "$script is not valid sh"
done
expect_in "$work/control/postinst" "adduser --system" "postinst"
expect_in "$work/control/postinst" "daemon-reload" "postinst"
expect_in "$work/control/md5sums" "usr/bin/switchyard" "md5sums"

step "lintian"
lintian_status=0
lintian --fail-on error --display-level '>=warning' "$runtime_deb" "$dev_deb" >"$work/lintian.log" 2>&1 ||
    lintian_status=$?
cat "$work/lintian.log"
errors=$(grep -c '^E: ' "$work/lintian.log" || true)
warnings=$(grep -c '^W: ' "$work/lintian.log" || true)
echo "lintian: $errors errors, $warnings warnings (status $lintian_status)"
[ "$lintian_status" -eq 0 ] && [ "$errors" -eq 0 ] || fail "lintian reports errors"

# ---- 2. unpack, build the vendor plugin against the unpacked SDK ----------------------------
step "unpack into a scratch root"
root="$work/root"
dpkg-deb -x "$runtime_deb" "$root"
dpkg-deb -x "$dev_deb" "$root"
daemon="$root/usr/bin/switchyard"
"$daemon" --version >"$work/version.txt"
cat "$work/version.txt"
expect_in "$work/version.txt" "switchyard ${version%-*}" "--version"
kernel_build_id=$(sed -n 's/^build id //p' "$work/version.txt")
abi=$(sed -n 's/^plugin ABI //p' "$work/version.txt")
[ -n "$kernel_build_id" ] && [ -n "$abi" ] || fail "--version prints no build id or ABI version"
[[ "$kernel_build_id" == "abi$abi/"*"/c++20/poco-"*"/boost-"*"/plain" ]] ||
    fail "unexpected build id '$kernel_build_id'"
# The vendor builds with the daemon's own compiler; the "other" one makes another build id.
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
case "$kernel_build_id" in
*/GNU-*) other_compiler=clang++ other_id="Clang-$(clang++ -dumpversion)" ;;
*/Clang-*) other_compiler=g++ other_id="GNU-$(g++ -dumpfullversion)" ;;
*) fail "build id '$kernel_build_id' names neither GNU nor Clang" ;;
esac
expect_in "$root/usr/include/switchyard/plugin/BuildId.h" "#define SWITCHYARD_BUILD_ID \"$kernel_build_id\"" \
    "the SDK's BuildId.h"

if command -v systemd-analyze >/dev/null; then
    step "systemd-analyze verify"
    # An instance of the template, with ExecStart pointing at the unpacked daemon (verify checks
    # that the program exists); any message (an unknown key, a bad value) is a failure.
    mkdir -p "$work/units"
    sed "s#/usr/bin/switchyard#$daemon#" "$root/lib/systemd/system/switchyard@.service" \
        >"$work/units/switchyard@standalone.service"
    # verify also opens the Documentation= man page: the unpacked one.
    MANPATH="$root/usr/share/man:" systemd-analyze verify "$work/units/switchyard@standalone.service" \
        >"$work/verify.log" 2>&1 ||
        {
            cat "$work/verify.log" >&2
            fail "systemd-analyze verify"
        }
    if [ -s "$work/verify.log" ]; then
        cat "$work/verify.log" >&2
        fail "systemd-analyze verify printed messages"
    fi
    echo "switchyard@.service: verified"
else
    step "systemd-analyze verify: SKIPPED (systemd-analyze is not installed)"
fi

step "--list-plugins (shipped)"
"$daemon" --list-plugins >"$work/list.txt" || {
    cat "$work/list.txt" >&2
    fail "--list-plugins refused a shipped plugin"
}
cat "$work/list.txt"
expect_in "$work/list.txt" "plugins in $root/usr/lib/switchyard/plugins/" "--list-plugins folder"
grep -qE '^  switchyard-storage-sqlite\.so: storage-sqlite [0-9.]+: storage\.sqlite$' "$work/list.txt" ||
    fail "--list-plugins: no line for switchyard-storage-sqlite.so"
expect_in "$work/list.txt" "dispatch.consistent-hash, dispatch.least-outstanding" "--list-plugins"
[ "$(grep -c '\.so: ' "$work/list.txt")" -eq "$plugin_count" ] || fail "--list-plugins does not list every plugin"

step "vendor plugin: configure, build and install against the unpacked SDK"
# A copy outside the repository: the project sees nothing but the scratch root.
cp -r "$source_root/tests/fixtures/vendor-plugin" "$work/vendor-src"
cmake -S "$work/vendor-src" -B "$work/vendor-build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    >"$work/vendor-configure.log" 2>&1 || {
    cat "$work/vendor-configure.log" >&2
    fail "vendor plugin: configure"
}
cmake --build "$work/vendor-build" >"$work/vendor-build.log" 2>&1 || {
    cat "$work/vendor-build.log" >&2
    fail "vendor plugin: build"
}
cmake --install "$work/vendor-build" --prefix "$root/usr" >/dev/null
vendor_so="$root/usr/lib/switchyard/plugins/acme-banner.so"
[ -f "$vendor_so" ] || fail "the vendor plugin was not installed into the plugin folder"
# Hidden visibility: the entry point is the only exported symbol of the library's own.
exported=$(nm -D --defined-only "$vendor_so" | awk '$2 ~ /[TDBVW]/ {print $3}' | grep -v '^_' | sort -u)
[ "$exported" = "switchyard_plugin_v1" ] || fail "vendor plugin exports more than its entry: $exported"
"$daemon" --list-plugins >"$work/list-vendor.txt" || {
    cat "$work/list-vendor.txt" >&2
    fail "--list-plugins refused the vendor plugin"
}
expect_in "$work/list-vendor.txt" "acme-banner.so: acme-banner 1.2.0: endpoint.acme-banner" "--list-plugins"

# ---- 3. the unpacked daemon with the vendor plugin ------------------------------------------
step "start the unpacked daemon: shipped standalone profile + the vendor plugin"
profile="$root/etc/switchyard/standalone.properties"
# The shipped list of plugins (with its continuation lines), then the vendor's.
shipped_plugins=$(awk '/^switchyard\.plugins\.load[ \t]*=/ {on = 1} on {sub(/\\$/, ""); line = line $0; if ($0 !~ /,[ \t]*$/) on = 0} END {print line}' "$profile" |
    sed 's/^[^=]*=[ \t]*//; s/[ \t][ \t]*/ /g')
case "$shipped_plugins" in *switchyard-storage-sqlite*switchyard-node-local*) ;; *) fail "cannot read the shipped plugin list: $shipped_plugins" ;; esac
data="$work/data"
mkdir -p "$data/tls" "$work/log"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$data/tls/server.key" -out "$data/tls/server.pem" >/dev/null 2>&1
secret=$(openssl rand -hex 24)
printf '%s' "$secret" >"$data/admin.secret"
chmod 600 "$data/admin.secret"
banner="acme-banner-$$-$RANDOM"
"$daemon" --config "$profile" \
    -D "switchyard.dataDir=$data" \
    -D "switchyard.server.https.port=0" \
    -D "switchyard.server.readyFile=$work/ready.json" \
    -D "switchyard.plugins.load=$shipped_plugins, acme-banner" \
    -D "switchyard.instances.banner.type=endpoint.acme-banner" \
    -D "switchyard.instances.banner.path=/acme/banner" \
    -D "switchyard.instances.banner.auth=auth" \
    -D "switchyard.instances.banner.banner=$banner" \
    -D "logging.loggers.root.channel=file" \
    -D "logging.loggers.root.level=information" \
    -D "logging.channels.file.class=FileChannel" \
    -D "logging.channels.file.path=$work/log/switchyard.log" \
    -D "logging.channels.file.rotation=10 M" \
    -D "logging.channels.file.archive=number" \
    -D "logging.channels.file.purgeCount=5" \
    -D "logging.channels.file.formatter.class=PatternFormatter" \
    -D "logging.channels.file.formatter.pattern=%Y-%m-%d %H:%M:%S.%i %p %s: %t" \
    >"$work/daemon.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 1 300); do
    [ -s "$work/ready.json" ] && break
    kill -0 "$daemon_pid" 2>/dev/null || break
    sleep 0.1
done
if [ ! -s "$work/ready.json" ]; then
    cat "$work/daemon.out" "$work/log/switchyard.log" >&2 2>/dev/null || true
    fail "the unpacked daemon did not start"
fi
port=$(grep -o '"httpsPort" *: *[0-9]*' "$work/ready.json" | grep -o '[0-9]*$')
[ -n "$port" ] && [ "$port" -gt 0 ] || fail "no HTTPS port in $(cat "$work/ready.json")"
echo "daemon pid $daemon_pid serving https://127.0.0.1:$port"
expect_in "$work/log/switchyard.log" "loaded acme-banner 1.2.0 from $vendor_so: endpoint.acme-banner" "daemon log"

step "the vendor endpoint over HTTPS"
base="https://127.0.0.1:$port"
status=$(curl -sk -o "$work/banner.json" -w '%{http_code}' -H "X-Api-Key: $secret" "$base/acme/banner?name=packager" || true)
[ "$status" = 200 ] || fail "GET /acme/banner: status $status: $(cat "$work/banner.json")"
cat "$work/banner.json"
echo
expect_in "$work/banner.json" "\"banner\":\"$banner\"" "/acme/banner"
expect_in "$work/banner.json" "\"greeting\":\"hello, packager\"" "/acme/banner"
expect_in "$work/banner.json" "\"plugin\":\"acme-banner 1.2.0\"" "/acme/banner"
expect_in "$work/banner.json" "\"buildId\":\"$kernel_build_id\"" "/acme/banner"
request_id=$(grep -o '"requestId":"[^"]*"' "$work/banner.json" | cut -d'"' -f4)
[ -n "$request_id" ] || fail "no requestId in the answer"
status=$(curl -sk -o "$work/anonymous.json" -w '%{http_code}' "$base/acme/banner" || true)
[ "$status" = 401 ] || fail "GET /acme/banner without credentials: status $status (expected 401)"
status=$(curl -sk -o "$work/bad.json" -w '%{http_code}' -H "Authorization: Bearer $secret" "$base/acme/banner?name=" || true)
[ "$status" = 400 ] || fail "GET /acme/banner?name=: status $status (expected 400)"
expect_in "$work/bad.json" '"code":"INVALID_PARAMETER"' "/acme/banner?name="
status=$(curl -sk -o "$work/system-info.json" -w '%{http_code}' "$base/system-info?serect=$secret" || true)
[ "$status" = 200 ] || fail "GET /system-info: status $status"

step "the shipped plugins from the scratch root: submit a file, get the embedded node's report"
status=$(curl -sk -o "$work/submit.json" -w '%{http_code}' -H "X-Api-Key: $secret" -F "file=@$profile" \
    "$base/submit" || true)
[ "$status" = 200 ] || fail "POST /submit: status $status: $(cat "$work/submit.json")"
submit_id=$(grep -o '"ID":"[^"]*"' "$work/submit.json" | head -1 | cut -d'"' -f4)
[ -n "$submit_id" ] || fail "no ID in $(cat "$work/submit.json")"
for _ in $(seq 1 200); do
    status=$(curl -sk -o "$work/task.json" -w '%{http_code}' -H "X-Api-Key: $secret" \
        "$base/task?submitID=$submit_id" || true)
    [ "$status" = 200 ] && grep -q '"overallState":"SUCCESS"' "$work/task.json" && break
    sleep 0.1
done
expect_in "$work/task.json" '"overallState":"SUCCESS"' "/task of the submitted file"
expect_in "$work/task.json" '"finalVerdict":{' "/task of the submitted file"
echo "submitted $submit_id: report with a final verdict"

step "stop (SIGTERM) and the logs"
kill -TERM "$daemon_pid"
daemon_status=0
wait "$daemon_pid" || daemon_status=$?
daemon_pid=""
[ "$daemon_status" -eq 0 ] || fail "the daemon exited with status $daemon_status on SIGTERM"
access_line=$(grep -F " $request_id " "$work/log/switchyard.log" | grep -F "switchyard.access" || true)
[ -n "$access_line" ] || fail "no access log line with request id $request_id"
echo "access log: $access_line"
case "$access_line" in
*" GET /acme/banner 200 "*"ms key=admin") ;;
*) fail "the access log line lacks method, path, status, bytes, time or key name" ;;
esac
if grep -rqF -- "$secret" "$work/log" "$work/daemon.out"; then
    fail "the secret appears in a log"
fi
expect_in "$work/log/switchyard.log" "stopped" "daemon log"

# ---- 4. another build id ----------------------------------------------------------------------
step "a plugin built with $other_compiler (another build id: $other_id)"
foreign_build_id=$(echo "$kernel_build_id" | sed "s#^\(abi[0-9]*\)/[^/]*/#\1/$other_id/#")
if cmake -S "$work/vendor-src" -B "$work/vendor-other" -G Ninja -DCMAKE_CXX_COMPILER="$other_compiler" \
    -DCMAKE_PREFIX_PATH="$root/usr" >"$work/other-configure.log" 2>&1; then
    fail "find_package(Switchyard) accepted a compiler with another build id"
fi
# CMake wraps its messages: compare with the white space squeezed.
tr -s ' \n' '  ' <"$work/other-configure.log" >"$work/other-configure.flat"
expect_in "$work/other-configure.flat" "builds plugins as '$foreign_build_id'" "the SDK's refusal"
expect_in "$work/other-configure.flat" "only loads '$kernel_build_id'" "the SDK's refusal"
rm -rf "$work/vendor-other"
cmake -S "$work/vendor-src" -B "$work/vendor-other" -G Ninja -DCMAKE_CXX_COMPILER="$other_compiler" \
    -DCMAKE_PREFIX_PATH="$root/usr" -DSWITCHYARD_ALLOW_BUILD_ID_MISMATCH=ON >"$work/other-configure.log" 2>&1 ||
    {
        cat "$work/other-configure.log" >&2
        fail "vendor plugin with $other_compiler: configure"
    }
cmake --build "$work/vendor-other" >"$work/other-build.log" 2>&1 || {
    cat "$work/other-build.log" >&2
    fail "vendor plugin with $other_compiler: build"
}
cmake --install "$work/vendor-other" --prefix "$work/foreign" >/dev/null
foreign_so="$work/foreign/lib/switchyard/plugins/acme-banner.so"
expected="switchyard: cannot load plugin $foreign_so: not binary compatible: plugin built as '$foreign_build_id', kernel is '$kernel_build_id'"
refused_status=0
"$daemon" --config "$profile" -D "switchyard.dataDir=$data" -D "switchyard.server.https.port=0" \
    -D "switchyard.plugins.load=switchyard-auth-secret, $foreign_so" \
    >"$work/refused.out" 2>"$work/refused.err" || refused_status=$?
[ "$refused_status" -eq 78 ] || fail "the daemon exited with $refused_status (expected 78, a configuration error)"
echo "refused: $(grep -F "cannot load plugin" "$work/refused.err" || true)"
grep -qxF -- "$expected" "$work/refused.err" || {
    cat "$work/refused.err" >&2
    fail "not the expected refusal: $expected"
}
list_status=0
"$daemon" --list-plugins --config "$profile" -D "switchyard.plugins.directory=$work/foreign/lib/switchyard/plugins" \
    >"$work/list-foreign.txt" 2>&1 || list_status=$?
[ "$list_status" -eq 78 ] || fail "--list-plugins with a refused plugin exited with $list_status (expected 78)"
expect_in "$work/list-foreign.txt" "acme-banner.so: REFUSED: $foreign_so: not binary compatible" "--list-plugins"

step "packaging test passed"
