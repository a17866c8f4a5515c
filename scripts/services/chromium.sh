#!/usr/bin/env bash
# Install the Chromium browser that the browser tests drive through Playwright.
#
#   scripts/services/chromium.sh install   installs Debian's chromium package when /usr/bin/chromium
#                                          is missing (needs root and apt-get), then prints its path
#   scripts/services/chromium.sh path      prints the browser's path, or fails when it is missing
#
# Playwright's own browser download cannot be used here, so the tests launch this binary through
# Playwright's executable_path. The browser runs only while the tests run: there is nothing to stop.
set -euo pipefail

CHROMIUM="${PLATFORM_CHROMIUM:-/usr/bin/chromium}"

install() {
    if [[ -x "${CHROMIUM}" ]]; then
        echo "${CHROMIUM}"
        return 0
    fi
    if [[ "$(id -u)" != "0" ]] || ! command -v apt-get > /dev/null; then
        echo "Chromium is missing at ${CHROMIUM}: install Debian's chromium package as root." >&2
        return 1
    fi
    echo "Installing Chromium from Debian's packages..." >&2
    apt-get update -qq
    # fonts-liberation provides Liberation Sans, the Arial-compatible font that site.css falls
    # back to on a machine without desktop fonts.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation > /dev/null
    echo "${CHROMIUM}"
}

path() {
    if [[ ! -x "${CHROMIUM}" ]]; then
        echo "Chromium is missing at ${CHROMIUM}: run scripts/services/chromium.sh install." >&2
        return 1
    fi
    echo "${CHROMIUM}"
}

case "${1:-}" in
    install) install ;;
    path) path ;;
    *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
