#!/usr/bin/env bash
# Runs both services on this machine without Docker: two Liberty servers from the one shared
# configuration, the API on port 9080 and the web on port 9081 (the web's default numbers.api.url,
# http://localhost:9080, points at the API).
#
#   scripts/run-local.sh [start]   build, start both, wait until both answer /health/started
#   scripts/run-local.sh stop      stop both
#   scripts/run-local.sh status    show both health endpoints
#
# Ports and settings are the usual environment variables: API_PORT (9080), WEB_PORT (9081), their HTTPS
# management ports API_HTTPS_PORT (9443) and WEB_HTTPS_PORT (9444), and any setting in docs/configuration.md,
# e.g. NUMBERS_API_FAIL_AFTER=0 scripts/run-local.sh. /metrics and /ops answer over HTTPS to the
# monitor user only: set NUMBERS_MONITOR_PASSWORD to open them (without it they stay closed).
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT=${API_PORT:-9080}
WEB_PORT=${WEB_PORT:-9081}
API_HTTPS_PORT=${API_HTTPS_PORT:-9443}
WEB_HTTPS_PORT=${WEB_HTTPS_PORT:-9444}
MVN=(./mvnw -B -q)

wait_started() {
    local name=$1 port=$2 deadline=$((SECONDS + 120))
    until curl -fsS -o /dev/null "http://localhost:$port/health/started" 2>/dev/null; do
        if [ $SECONDS -ge $deadline ]; then
            echo "run-local: $name did not start on port $port within 120 s; see $3" >&2
            return 1
        fi
        sleep 1
    done
    echo "run-local: $name is up at http://localhost:$port/"
}

start() {
    "${MVN[@]}" -DskipTests -pl numbers-api-war,numbers-web-war -am package
    HTTP_PORT=$API_PORT HTTPS_PORT=$API_HTTPS_PORT "${MVN[@]}" -pl numbers-api-war liberty:create liberty:deploy liberty:start
    HTTP_PORT=$WEB_PORT HTTPS_PORT=$WEB_HTTPS_PORT NUMBERS_API_URL=${NUMBERS_API_URL:-http://localhost:$API_PORT} \
        "${MVN[@]}" -pl numbers-web-war liberty:create liberty:deploy liberty:start
    wait_started numbers-api "$API_PORT" numbers-api-war/target/liberty/wlp/usr/servers/numbers-api/logs/messages.log
    wait_started numbers-web "$WEB_PORT" numbers-web-war/target/liberty/wlp/usr/servers/numbers-web/logs/messages.log
    echo "run-local: open http://localhost:$WEB_PORT/ (operations view: https://localhost:$WEB_HTTPS_PORT/ops as user monitor); stop both with: scripts/run-local.sh stop"
}

stop() {
    "${MVN[@]}" -pl numbers-web-war liberty:stop || true
    "${MVN[@]}" -pl numbers-api-war liberty:stop || true
}

status() {
    for port in "$API_PORT" "$WEB_PORT"; do
        printf 'port %s: ' "$port"
        curl -sS -m 3 "http://localhost:$port/health" || echo "no answer"
        echo
    done
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: scripts/run-local.sh [start|stop|status]" >&2; exit 2 ;;
esac
