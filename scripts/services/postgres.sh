#!/usr/bin/env bash
# Start or stop a private PostgreSQL server for the test suite, on 127.0.0.1 only.
#
#   scripts/services/postgres.sh start   installs PostgreSQL from Debian if needed, creates a
#                                        cluster in /tmp/platform-postgres-<checkout id> and
#                                        prints DATABASE_URL
#   scripts/services/postgres.sh stop    stops the server this script started, and nothing else
#
# The port defaults to 54329 so that the server never collides with a system PostgreSQL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The cluster lives outside the checkout, because the postgres system user may not be allowed
# into the checkout's parent folders (a clone under /root, for instance). The folder name is
# derived from the checkout's path so that start and stop of one checkout find the same cluster.
CHECKOUT_ID="$(printf '%s' "${ROOT}" | sha256sum | cut -c1-12)"
STATE_DIR="${PLATFORM_PG_STATE_DIR:-${TMPDIR:-/tmp}/platform-postgres-${CHECKOUT_ID}}"
DATA_DIR="${STATE_DIR}/data"
SOCKET_DIR="${STATE_DIR}/socket"
PORT="${PLATFORM_PG_PORT:-54329}"
DATABASE="platform"

find_bin_dir() {
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        if [[ -x "${candidate}/initdb" ]]; then
            echo "${candidate}"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    if find_bin_dir > /dev/null; then
        return 0
    fi
    echo "Installing PostgreSQL from Debian's packages..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
}

# PostgreSQL refuses to run as root; run its commands as the postgres system user then.
as_server_user() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    install_postgres
    local bin_dir
    bin_dir="$(find_bin_dir)"

    mkdir -p "${SOCKET_DIR}"
    if [[ "$(id -u)" == "0" ]]; then
        chown -R postgres: "${STATE_DIR}"
    fi

    if [[ ! -f "${DATA_DIR}/PG_VERSION" ]]; then
        as_server_user "${bin_dir}/initdb" -D "${DATA_DIR}" -U platform --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 > "${STATE_DIR}/initdb.log"
    fi

    if ! as_server_user "${bin_dir}/pg_ctl" -D "${DATA_DIR}" status > /dev/null 2>&1; then
        as_server_user "${bin_dir}/pg_ctl" -D "${DATA_DIR}" -l "${STATE_DIR}/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p ${PORT} -k ${SOCKET_DIR} -c fsync=off" start \
            > /dev/null || { cat "${STATE_DIR}/server.log" >&2; exit 1; }
    fi

    if ! as_server_user "${bin_dir}/psql" -h 127.0.0.1 -p "${PORT}" -U platform -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'" | grep -q 1; then
        as_server_user "${bin_dir}/createdb" -h 127.0.0.1 -p "${PORT}" -U platform "${DATABASE}"
    fi
    echo "postgres://platform@127.0.0.1:${PORT}/${DATABASE}"
}

stop() {
    local bin_dir
    bin_dir="$(find_bin_dir)" || return 0
    if [[ -f "${DATA_DIR}/postmaster.pid" ]]; then
        as_server_user "${bin_dir}/pg_ctl" -D "${DATA_DIR}" -m fast -w stop > /dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
