#!/usr/bin/env bash
# Print the requests per second of a few demo pages served by gunicorn (one sync worker), measured
# with wrk on 127.0.0.1, first with the page cache off, then on.
#
#   DATABASE_URL=postgres://... REDIS_URL=redis://... bench/http.sh [seconds per URL]
#
# The database must hold the demo (manage.py load_demo). Settings: bench.settings (DEBUG off,
# Redis cache when REDIS_URL is set). Each wrk run lasts the given seconds (default 10) with one
# thread and 4 connections; gunicorn is started and stopped by this script only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${ROOT}"
DURATION="${1:-10}"
PORT="${BENCH_HTTP_PORT:-58765}"
STATE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/platform-bench-http.XXXXXX")"
PID_FILE="${STATE_DIR}/gunicorn.pid"

# Host and path of one page per kind: home, content page, listings, record pages.
URLS=(
    "musees.localhost /"
    "musees.localhost /visiter/"
    "musees.localhost /collections/"
    "musees.localhost /collections/objet/fragment-01610014032/"
    "memorial.localhost /convois/"
    "memorial.localhost /convois/1942-03-27/"
    "archives.localhost /inventaires/FRAN_IR_003500/"
    "tourisme.localhost /offres/"
    "tourisme.localhost /offres/cdt28-manifestations/FMACEN0280060359/"
)

if ! command -v wrk > /dev/null; then
    echo "Installing wrk from Debian's packages..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
fi

stop_gunicorn() {
    if [[ -f "${PID_FILE}" ]]; then
        local pid
        pid="$(cat "${PID_FILE}")"
        kill "${pid}" 2> /dev/null || true
        while kill -0 "${pid}" 2> /dev/null; do sleep 0.1; done
        rm -f "${PID_FILE}"
    fi
}
trap 'stop_gunicorn; rm -rf "${STATE_DIR}"' EXIT

start_gunicorn() {
    PAGE_CACHE="$1" DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/gunicorn sites.wsgi:application \
        --bind "127.0.0.1:${PORT}" --workers 1 --worker-class sync --daemon \
        --pid "${PID_FILE}" --error-logfile "${STATE_DIR}/gunicorn.log" --log-level warning
    local attempt
    for attempt in $(seq 1 100); do
        if curl -s -o /dev/null -H "Host: musees.localhost" "http://127.0.0.1:${PORT}/"; then
            return 0
        fi
        sleep 0.2
    done
    echo "gunicorn did not answer on 127.0.0.1:${PORT}:" >&2
    cat "${STATE_DIR}/gunicorn.log" >&2
    exit 1
}

printf '%-8s %-20s %-62s %10s %10s\n' "cache" "host" "path" "req/s" "wrk p50"
for mode in 0 1; do
    label="$([[ "${mode}" == 1 ]] && echo on || echo off)"
    start_gunicorn "${mode}"
    for entry in "${URLS[@]}"; do
        read -r host path <<< "${entry}"
        # Warm the caches (menus, settings, and the page itself when the cache is on).
        curl -s -o /dev/null -H "Host: ${host}" "http://127.0.0.1:${PORT}${path}"
        output="$(wrk -t1 -c4 -d"${DURATION}s" --latency -H "Host: ${host}" \
            "http://127.0.0.1:${PORT}${path}")"
        rate="$(awk '/^Requests\/sec/ {print $2}' <<< "${output}")"
        median="$(awk '$1 == "50%" {print $2}' <<< "${output}")"
        if grep -q "Non-2xx" <<< "${output}"; then
            rate="${rate} (non-2xx answers!)"
        fi
        printf '%-8s %-20s %-62s %10s %10s\n' "${label}" "${host}" "${path}" "${rate}" "${median}"
    done
    stop_gunicorn
done
