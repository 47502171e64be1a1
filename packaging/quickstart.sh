#!/usr/bin/env bash
# Builds Switchyard and starts the standalone appliance in the foreground:
# HTTPS on 127.0.0.1:${SWITCHYARD_PORT:-23001}, data (certificate, secret, databases) in ./data.
#
#   SWITCHYARD_PORT    HTTPS port (default 23001)
#   SWITCHYARD_SECRET  the admin API key (default: generated once, kept in data/admin.secret)
#
# Run as root on a fresh Debian 12 machine; installs what is missing first.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=packaging/dependencies.sh
. "$root/packaging/dependencies.sh"
install_missing_packages "${SWITCHYARD_BUILD_PACKAGES[@]}"

port=${SWITCHYARD_PORT:-23001}
data="$root/data"
build="$root/build"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSWITCHYARD_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"

umask 077
mkdir -p "$data/tls"
if [ ! -s "$data/tls/server.pem" ] || [ ! -s "$data/tls/server.key" ]; then
    openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$data/tls/server.key" -out "$data/tls/server.pem" 2>/dev/null
    echo "switchyard: made a self-signed certificate in $data/tls/"
fi
if [ -n "${SWITCHYARD_SECRET:-}" ]; then
    printf '%s' "$SWITCHYARD_SECRET" >"$data/admin.secret"
elif [ ! -s "$data/admin.secret" ]; then
    openssl rand -hex 24 | tr -d '\n' >"$data/admin.secret"
fi
secret=$(cat "$data/admin.secret")

cat <<MESSAGE

Switchyard is starting on https://127.0.0.1:$port (Ctrl-C stops it): broker, dispatcher and
an embedded processor node in one process.
  admin secret: $secret   (kept in $data/admin.secret)
  try:          curl -k "https://127.0.0.1:$port/system-info?serect=\$(cat $data/admin.secret)"
  submit:       curl -k -H "X-Api-Key: \$(cat $data/admin.secret)" -F file=@/etc/os-release https://127.0.0.1:$port/submit
  then, with the ID it answers:
                curl -k -H "X-Api-Key: \$(cat $data/admin.secret)" "https://127.0.0.1:$port/submit-result?submitID=ID"
                curl -k -H "X-Api-Key: \$(cat $data/admin.secret)" "https://127.0.0.1:$port/task?submitID=ID&all=true"

MESSAGE

exec "$build/bin/switchyard" --config "$root/etc/switchyard/standalone.properties" \
    -D "switchyard.dataDir=$data" \
    -D "switchyard.server.https.port=$port"
