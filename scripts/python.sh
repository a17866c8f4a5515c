# Shared by scripts/bootstrap.sh and scripts/lock: find the Python 3.11 the project runs on.

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
