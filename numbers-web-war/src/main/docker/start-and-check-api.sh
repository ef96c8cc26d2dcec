#!/bin/sh
# The book's dependency check, without its cost in time: Liberty starts at once and, side by side, the
# probe waits for the numbers-api to answer its readiness check. If the API does not answer within
# NUMBERS_WEB_DEPENDENCY_WAIT (0 = one check, or e.g. 500ms, 30s, 2m), the server is stopped and the
# container exits with status 1, and its restart policy decides what happens next: the book's
# behaviour. Until the check has passed, the container's health check says DOWN (the gate file below),
# so the platform never sees the web healthy without its dependency; the web's own readiness check
# (numbers-api-reachable) keeps following the API after that.
#
# The probe reads the API's URL from the key the web app uses (numbers.api.url: the NUMBERS_API_URL
# variable, else the server's server.env and bootstrap.properties, else the app's own default).
# Running side by side saves one whole Liberty start whenever the API is slower to start than the web,
# which is always the case after `docker compose up` (both start together).
gate=${HEALTH_TICK_GATE:-/tmp/numbers-web.dependency-ok}
rm -f "$gate"

/opt/wlp/bin/server-run &
server=$!
java @/opt/probe/jvm.options -jar /opt/probe/probe.jar wait \
    -c numbers.api.url --path /health/ready \
    --config-file /opt/probe/numbers-web-defaults.properties \
    --deadline "${NUMBERS_WEB_DEPENDENCY_WAIT:-0}" --timeout 2000 &
check=$!
# This script is PID 1: pass the platform's stop on to the server (which shuts down gracefully) and to
# the check. Both run in the background because a shell runs a trap only between commands.
stopping=""
trap 'stopping=yes; kill -TERM "$server" "$check" 2>/dev/null' TERM INT

wait_for() { # pid: its exit status, also when a trapped signal interrupts the wait
    wait "$1"
    status=$?
    while kill -0 "$1" 2>/dev/null; do
        wait "$1"
        status=$?
    done
    return "$status"
}

if wait_for "$check"; then
    : > "$gate"
elif [ -z "$stopping" ]; then
    echo "numbers-web: the dependency check failed: stopping the server; the restart policy decides what is next"
    kill -TERM "$server" 2>/dev/null
    wait_for "$server"
    exit 1
fi
wait_for "$server"
