# The Debian packages the course needs to build and test, installed only when missing.
REQUIRED_PACKAGES=(libcmark-dev libopenblas-dev pkg-config libjs-katex bubblewrap libsqlite3-dev libpq-dev)

install_missing_packages() {
    local missing=()
    for p in "${REQUIRED_PACKAGES[@]}" "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}
