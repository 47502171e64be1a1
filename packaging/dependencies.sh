# Sourced by packaging/quickstart.sh and tests/run.sh: the Debian 12 packages Switchyard needs,
# and a function that installs the missing ones (as root).

SWITCHYARD_BUILD_PACKAGES=(g++ cmake ninja-build pkg-config openssl ca-certificates curl
    libpoco-dev libboost-dev libssl-dev libsqlite3-dev libmagic-dev libarchive-dev)
SWITCHYARD_TEST_PACKAGES=(libgtest-dev libgmock-dev clang libclang-rt-14-dev clang-format
    dpkg-dev file binutils lintian systemd)

# install_missing_packages PACKAGE...: apt-get installs those not installed yet.
install_missing_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "switchyard: missing packages: ${missing[*]}; run as root or install them first" >&2
        return 1
    fi
    echo "switchyard: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
