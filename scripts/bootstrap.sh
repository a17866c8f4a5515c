#!/usr/bin/env bash
# Create the virtual environment in .venv and install the project into it.
# Sourced by scripts/serve and scripts/test; safe to run again (it reinstalls only when
# pyproject.toml or the lock changed). Dependencies come from requirements/lock.txt, each checked
# against its SHA-256 hash; scripts/lock regenerates the lock after a change to pyproject.toml.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ROOT}/.venv"

source "${ROOT}/scripts/python.sh"

if [[ ! -x "${VENV}/bin/python" ]]; then
    echo "Creating the virtual environment in .venv..."
    "$(find_python)" -m venv "${VENV}"
fi

LOCK="${ROOT}/requirements/lock.txt"
STAMP="${VENV}/.installed-$(cat "${ROOT}/pyproject.toml" "${LOCK}" | sha256sum | cut -c1-16)"
if [[ ! -f "${STAMP}" ]]; then
    echo "Installing dependencies..."
    "${VENV}/bin/python" -m pip install --quiet "pip==26.3"
    "${VENV}/bin/python" -m pip install --quiet --require-hashes -r "${LOCK}"
    # The lock contains setuptools, the build backend, so the project builds without fetching
    # anything that was not hash-checked.
    "${VENV}/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e "${ROOT}"
    if ! "${VENV}/bin/python" -m pip check; then
        echo "requirements/lock.txt does not match pyproject.toml: run scripts/lock and commit" \
            "the new lock." >&2
        exit 1
    fi
    rm -f "${VENV}"/.installed-*
    touch "${STAMP}"
fi

mkdir -p "${ROOT}/var"
