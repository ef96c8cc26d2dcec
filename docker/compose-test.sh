#!/usr/bin/env bash
# The chapter's exercises as an automated test on a real Docker engine, with docker-compose.yml as a
# user runs it. Each scenario starts from nothing and every wait is bounded:
#   1. API alone: three numbers, then a 500, and the container turns unhealthy with the probe's line
#   2. web alone, no API, the book's single check (NUMBERS_WEB_DEPENDENCY_WAIT=0): the check fails, the
#      server is stopped before it is ready, the container exits non-zero, restarts and again
#   3. then the API starts: the web's next start passes the check; both healthy, no one touches the web
#   4. up from nothing: both healthy, the web never restarted (it waits for the API while Liberty
#      starts); the page shows a number; the API breaks and is unhealthy within seconds; the page
#      shows the fallback and the web stays healthy; locked down as shipped: uid 1001, server.xml and /
#      not writable, no capability, no privilege gain, published on 127.0.0.1 only, /metrics and /ops
#      refused without the monitor user (and closed without NUMBERS_MONITOR_PASSWORD), /health open
#   5. self-healing: the broken API is replaced by a fresh container with no one touching it, and the
#      web answers throughout and recovers by itself
#   6. everything the test started is removed, also when a step fails
# Prints each scenario's times and a closing "N passed, N failed" line; exits 1 if anything failed,
# or if no Docker engine answers (it never passes silently).
#
#   docker/compose-test.sh [--no-build]
# Without a registry, set MAVEN_IMAGE and JRE_IMAGE first (docker/build-base-images.sh prints them).
set -uo pipefail
cd "$(dirname "$0")/.."

NAME=compose-test
PROJECT=numbers-compose-test
API=http://localhost:${NUMBERS_API_PORT:-8087}
WEB=http://localhost:${NUMBERS_WEB_PORT:-8088}
API_MANAGEMENT=https://localhost:${NUMBERS_API_HTTPS_PORT:-8447}
WEB_MANAGEMENT=https://localhost:${NUMBERS_WEB_HTTPS_PORT:-8448}
# Docker's timings from docker-compose.yml: an unhealthy verdict takes up to the health files' age
# limit (2 x MP_HEALTH_CHECK_INTERVAL) plus interval x retries.
INTERVAL=2
RETRIES=1
FILE_AGE=2
LOG=$(mktemp)
. docker/test-lib.sh

last_health_line() { docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$(container "$1")" | grep -v '^$' | tail -1; }

web_exited_and_restarted() {
    local id; id=$(container numbers-web)
    [ "$(restarts numbers-web)" -ge 2 ] && [ "$(docker inspect -f '{{.State.ExitCode}}' "$id")" != 0 ]
}

clean() { dc down --volumes --remove-orphans --timeout 5; }
up() { # service... : a failed `up` (a port taken, say) stops the scenario with compose's own words
    dc up -d "$@" || { fail "docker compose up -d $*"; tail -5 "$LOG" | sed 's/^/     | /'; return 1; }
}
# What the engine saw, printed when a bounded wait runs out.
diagnose() {
    docker compose -p "$PROJECT" ps -a --format '{{.Service}}: {{.Status}}'
    local service
    for service in numbers-api numbers-web; do
        [ -n "$(container "$service")" ] || continue
        echo "last lines of $service's log:"
        docker logs --tail 8 "$(container "$service")" 2>&1
    done
    echo "last lines of docker compose's own output:"
    tail -5 "$LOG"
}

finish() {
    clean
    rm -f "$LOG"
}
trap finish EXIT

require_engine

if [ "${1:-}" != "--no-build" ]; then
    build_images "$PROJECT"
fi
clean
require_free_ports "${NUMBERS_API_PORT:-8087}" "${NUMBERS_WEB_PORT:-8088}" "${NUMBERS_API_HTTPS_PORT:-8447}" "${NUMBERS_WEB_HTTPS_PORT:-8448}"
# The lockdown is checked as it ships: no monitor password, loopback only.
unset NUMBERS_MONITOR_PASSWORD NUMBERS_BIND

no_curl_or_wget() { docker run --rm --entrypoint sh "$1" -c '! command -v curl && ! command -v wget' >/dev/null; }
runs_as_1001() { [ "$(docker image inspect -f '{{.Config.User}}' "$1")" = 1001:0 ]; }

scenario_images() {
    say "0. the images"
    local image
    for image in numbers/numbers-api:${NUMBERS_TAG:-latest} numbers/numbers-web:${NUMBERS_TAG:-latest}; do
        check "$image runs as user 1001, not root" runs_as_1001 "$image"
        check "$image holds no curl or wget" no_curl_or_wget "$image"
    done
    # The health check's cheap verdicts, from the image's own tick, before any server runs.
    local line
    line=$(docker run --rm --entrypoint /opt/probe/health-tick "numbers/numbers-web:${NUMBERS_TAG:-latest}" live)
    check "the web's health check says DOWN until its dependency check has passed: $line" \
        grep -q '^DOWN waiting for the dependency check' <<<"$line"
    line=$(docker run --rm --entrypoint /opt/probe/health-tick "numbers/numbers-api:${NUMBERS_TAG:-latest}" "live ready")
    check "the API's health check says DOWN, without starting a JVM, while the server starts: $line" \
        grep -q '^DOWN starting: .*/health/started not written yet' <<<"$line"
}

scenario_api_alone() {
    say "1. API alone: three numbers, then the bug, then unhealthy"
    clean
    # Self-healing off here, so the unhealthy container stays for its health log to be read.
    NUMBERS_API_STOP_AFTER=0 up numbers-api || return 1
    wait_until 120 "numbers-api healthy after start" is numbers-api healthy || return 1
    for call in 1 2 3; do
        check "call $call to /rng gives 200" [ "$(status_of "$API/rng")" = 200 ]
    done
    check "call 4 to /rng gives 500" [ "$(status_of "$API/rng")" = 500 ]
    wait_until $((FILE_AGE + INTERVAL * RETRIES + 10)) "numbers-api unhealthy after the bug struck" is numbers-api unhealthy || return 1
    local line; line=$(last_health_line numbers-api)
    say "   docker inspect health log: $line"
    check "the health log names the DOWN check and its data" grep -q 'numbers-api DOWN {calls=4, failAfter=3}' <<<"$line"
}

scenario_web_without_api() {
    say "2. web alone, no API, the book's single check: it fails and the restart policy tries again"
    clean
    NUMBERS_WEB_DEPENDENCY_WAIT=0 up numbers-web || return 1
    wait_until 60 "numbers-web exited non-zero and was restarted twice" web_exited_and_restarted || return 1
    local log; log=$(docker logs "$(container numbers-web)" 2>&1)
    check "its log shows the failed dependency check" grep -q 'http://numbers-api:9080/health/ready .*unknown host numbers-api' <<<"$log"
    check "and that the server was stopped for it" grep -q 'numbers-web: the dependency check failed: stopping the server' <<<"$log"
    check "the server was stopped before it was ready" [ -z "$(grep 'CWWKF0011I' <<<"$log")" ]
}

scenario_api_arrives() {
    say "3. the API starts: the web's next start passes the check"
    local before; before=$(restarts numbers-web)
    up numbers-api || return 1
    wait_until 180 "both healthy, counted from the API's start" both_healthy || return 1
    say "   the web restarted $(( $(restarts numbers-web) - before )) more time(s) on its own"
    check "the web serves numbers" page_says 'Here it is: [0-9]'
}

scenario_up_from_nothing() {
    say "4. docker compose up from nothing"
    clean
    up || return 1
    wait_until 180 "both healthy after docker compose up" both_healthy || return 1
    check "the web waited for the API instead of exiting: never restarted" [ "$(restarts numbers-web)" = 0 ]
    check "the page on the web's port shows a number" page_says 'Here it is: [0-9]'
    locked_down
    local calls=0
    while [ "$(status_of "$API/rng")" = 200 ] && [ $calls -lt 5 ]; do calls=$((calls + 1)); done
    check "the API broke after its budget" [ "$(status_of "$API/rng")" = 500 ]
    check "the page shows the friendly failure" page_says 'RNG service unavailable!'
    local restarts_before; restarts_before=$(restarts numbers-web)
    wait_until $((FILE_AGE + INTERVAL * RETRIES + 10)) "numbers-api unhealthy" is numbers-api unhealthy
    check "numbers-web still healthy" is numbers-web healthy
    check "numbers-web was not restarted" [ "$(restarts numbers-web)" = "$restarts_before" ]
    check "the page still answers with the fallback" page_says 'RNG service unavailable!'
}

# The lockdown, seen from inside and outside the running containers (compose file, x-locked-down).
in_container() { docker exec "$(container "$1")" sh -c "$2" 2>&1; }
published_on_loopback_only() { # service
    local ports; ports=$(docker port "$(container "$1")")
    [ -n "$ports" ] && ! grep -v -- '-> 127\.0\.0\.1:' <<<"$ports" | grep -q .
}
locked_down() {
    local service config
    for service in numbers-api numbers-web; do
        config=/opt/wlp/usr/servers/$service/server.xml
        check "$service runs as uid 1001" [ "$(in_container "$service" 'id -u')" = 1001 ]
        check "$service cannot change its own server.xml: $(in_container "$service" "echo x >> $config" | tail -1)" \
            in_container "$service" "! ( echo x >> $config ) 2>/dev/null"
        check "$service cannot write to /: $(in_container "$service" 'echo x > /x' | tail -1)" \
            in_container "$service" '! ( echo x > /x ) 2>/dev/null'
        check "$service holds no capability and cannot gain privileges (/proc/1/status)" \
            in_container "$service" 'grep -q "^CapEff:[[:space:]]*0*$" /proc/1/status && grep -q "^CapBnd:[[:space:]]*0*$" /proc/1/status && grep -q "^NoNewPrivs:[[:space:]]*1$" /proc/1/status'
        check "$service is published on 127.0.0.1 only: $(docker port "$(container "$service")" | tr '\n' ' ')" published_on_loopback_only "$service"
    done
    check "/health is open to platforms" [ "$(status_of "$API/health")" = 200 ]
    local health; health=$(curl -s --max-time 5 "$WEB/health")
    check "the web's open /health names no internal URL: $(grep -o '"numbers-api-reachable"[^}]*}' <<<"$health")" \
        eval '[ -n "$health" ] && ! grep -q "numbers-api:9080" <<<"$health"'
    check "/metrics over plain HTTP gives no metrics ($(status_of "$API/metrics"))" [ "$(status_of "$API/metrics")" != 200 ]
    check "/metrics over HTTPS without a user: 401" [ "$(management_status "$API_MANAGEMENT/metrics")" = 401 ]
    check "/ops over HTTPS without a user: 401" [ "$(management_status "$WEB_MANAGEMENT/ops")" = 401 ]
    check "no NUMBERS_MONITOR_PASSWORD: the monitor user cannot guess one (401)" \
        [ "$(management_status -u monitor:monitor "$WEB_MANAGEMENT/ops/status")" = 401 ]
}

web_answers() { # a number or the fallback, never an error
    grep -q 'Here it is: [0-9]\|RNG service unavailable!' <<<"$(curl -s --max-time 3 -X POST "$WEB/")"
}

scenario_self_healing() {
    say "5. self-healing: the broken API is replaced, no one touches it"
    clean
    up || return 1
    wait_until 180 "both healthy" both_healthy || return 1
    local web_restarts; web_restarts=$(restarts numbers-web)
    for _ in 1 2 3 4; do curl -s -o /dev/null "$API/rng"; done
    check "four calls broke the API" [ "$(status_of "$API/rng")" = 500 ]
    # While the old API container lives, the web must answer every request, with the fallback. Its
    # requests are spaced so that the circuit breaker's trial calls do not spend the new API's budget.
    local start=$SECONDS web_errors=0 polls=0
    while [ "$(restarts numbers-api)" -lt 1 ] && [ $((SECONDS - start)) -lt 90 ]; do
        web_answers || web_errors=$((web_errors + 1))
        polls=$((polls + 1))
        sleep 2
    done
    check "the web answered all $polls requests while the API was broken" [ "$web_errors" = 0 ]
    check "the broken API container was stopped by its own health check ($((SECONDS - start)) s)" [ "$(restarts numbers-api)" -ge 1 ]
    say "   the API's log: $(docker logs "$(container numbers-api)" 2>&1 | grep -m1 'probe: stopping process')"
    check "the API's log says why it was stopped" grep -q 'probe: stopping process 1 after 2 failed health checks in a row' <<<"$(docker logs "$(container numbers-api)" 2>&1)"
    while ! api_ready && [ $((SECONDS - start)) -lt 120 ]; do sleep 0.5; done
    check "the fresh API gives numbers $((SECONDS - start)) s after the bug struck (bound 120 s)" [ "$(status_of "$API/rng")" = 200 ]
    wait_until 30 "the web shows numbers again by itself" page_says 'Here it is: [0-9]'
    wait_until 30 "Docker sees the fresh API healthy" is numbers-api healthy
    check "numbers-web was not restarted" [ "$(restarts numbers-web)" = "$web_restarts" ]
}

for scenario in scenario_images scenario_api_alone scenario_web_without_api scenario_api_arrives scenario_up_from_nothing scenario_self_healing; do
    "$scenario" || say "   (scenario stopped at its first failed step; see above)"
done

say "6. cleanup"
clean
check "nothing of the test is left" [ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT")$(docker network ls -q --filter "label=com.docker.compose.project=$PROJECT")" ]

summary
