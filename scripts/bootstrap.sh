#!/usr/bin/env bash
# Create the virtual environment in .venv and install the project into it.
# Sourced by scripts/serve and scripts/test; safe to run again (it reinstalls only when
# pyproject.toml changed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ROOT}/.venv"

find_python() {
    local candidate
    for candidate in python3.11 python3 python; do
        if command -v "${candidate}" > /dev/null \
            && "${candidate}" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            command -v "${candidate}"
            return 0
        fi
    done
    echo "Python 3.11 is required and was not found on PATH." >&2
    return 1
}

if [[ ! -x "${VENV}/bin/python" ]]; then
    echo "Creating the virtual environment in .venv..."
    "$(find_python)" -m venv "${VENV}"
fi

STAMP="${VENV}/.installed-$(sha256sum "${ROOT}/pyproject.toml" | cut -c1-16)"
if [[ ! -f "${STAMP}" ]]; then
    echo "Installing dependencies..."
    "${VENV}/bin/python" -m pip install --quiet --upgrade pip
    "${VENV}/bin/python" -m pip install --quiet -e "${ROOT}[test]"
    rm -f "${VENV}"/.installed-*
    touch "${STAMP}"
fi

mkdir -p "${ROOT}/var"
