#!/usr/bin/env bash
# Start or stop a private Redis server for benchmarks, CI and production-like runs, on 127.0.0.1.
#
#   scripts/services/redis.sh start   installs redis-server from Debian if needed, starts one
#                                     server with its own folder /tmp/platform-redis-<checkout id>
#                                     and prints REDIS_URL
#   scripts/services/redis.sh stop    stops the server this script started, and nothing else
#
# The port comes from PLATFORM_REDIS_PORT and defaults to 56379, so that the server never
# collides with a system Redis on 6379. The server keeps no data on disk (no RDB, no AOF): it
# only holds caches.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# One folder per checkout and port, so that start and stop of one checkout find the same server
# and two checkouts on one machine do not share a server.
CHECKOUT_ID="$(printf '%s' "${ROOT}" | sha256sum | cut -c1-12)"
PORT="${PLATFORM_REDIS_PORT:-56379}"
STATE_DIR="${PLATFORM_REDIS_STATE_DIR:-${TMPDIR:-/tmp}/platform-redis-${CHECKOUT_ID}-${PORT}}"
PID_FILE="${STATE_DIR}/redis.pid"
LOG_FILE="${STATE_DIR}/redis.log"

install_redis() {
    if command -v redis-server > /dev/null; then
        return 0
    fi
    echo "Installing redis-server from Debian's packages..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server > /dev/null
}

is_running() {
    [[ -f "${PID_FILE}" ]] && kill -0 "$(cat "${PID_FILE}")" 2> /dev/null
}

start() {
    if ! [[ "${PORT}" =~ ^[1-9][0-9]{3,4}$ ]] || ((PORT > 65535)); then
        echo "invalid PLATFORM_REDIS_PORT '${PORT}': expected a port from 1000 to 65535" >&2
        exit 2
    fi
    install_redis
    mkdir -p "${STATE_DIR}"

    if ! is_running; then
        redis-server --bind 127.0.0.1 --port "${PORT}" --protected-mode yes \
            --daemonize yes --pidfile "${PID_FILE}" --logfile "${LOG_FILE}" \
            --dir "${STATE_DIR}" --save "" --appendonly no \
            --maxmemory 256mb --maxmemory-policy allkeys-lru
        # redis-server --daemonize returns before the server accepts connections.
        local attempt
        for attempt in $(seq 1 50); do
            if redis-cli -h 127.0.0.1 -p "${PORT}" ping 2> /dev/null | grep -q PONG; then
                break
            fi
            if ((attempt == 50)); then
                echo "Redis did not answer on 127.0.0.1:${PORT} within 5 s:" >&2
                cat "${LOG_FILE}" >&2 || true
                exit 1
            fi
            sleep 0.1
        done
    fi
    echo "redis://127.0.0.1:${PORT}/0"
}

stop() {
    if ! is_running; then
        rm -f "${PID_FILE}"
        return 0
    fi
    local pid
    pid="$(cat "${PID_FILE}")"
    kill "${pid}"
    # Wait for the process to exit so that a following start can bind the port again.
    local attempt
    for attempt in $(seq 1 50); do
        kill -0 "${pid}" 2> /dev/null || break
        sleep 0.1
    done
    rm -f "${PID_FILE}"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
