#!/usr/bin/env bash
# A real monitoring stack that nobody here wrote, against the services as `docker compose up` runs them:
# Debian's prometheus and prometheus-blackbox-exporter, started on loopback with the configuration in
# this folder. Through Prometheus's HTTP API it sees:
#   0. /metrics and /ops refused to an anonymous request from outside (HTTPS without the user, plain
#      HTTP), while Prometheus, as the monitor user, scrapes
#   1. both services ready (probe_success 1), /metrics scraped, the web's gauges at 1
#   2. the API broken with four calls: probe_success for the API goes to 0, the web's gauge for the
#      API to 0 while its gauge for itself stays 1, and the alert fires
#   3. the web's circuit breaker open: its state gauge and Fault Tolerance's own counter show it
#   4. the API replaced by its own health check (self-healing): probe_success back to 1
# Every wait is bounded; everything it starts is stopped, also when a step fails. Exits 1 if anything
# failed, if no Docker engine answers, or if prometheus is missing (it never passes silently).
#
#   monitoring/monitoring-test.sh        (images built beforehand, e.g. by docker/compose-test.sh)
set -uo pipefail
cd "$(dirname "$0")/.."

NAME=monitoring-test
PROJECT=numbers-monitoring-test
API=http://localhost:8087
WEB=http://localhost:8088
API_MANAGEMENT=https://localhost:8447
WEB_MANAGEMENT=https://localhost:8448
PROMETHEUS=127.0.0.1:9490
BLACKBOX=127.0.0.1:9515
. docker/test-lib.sh

WORK=$(mktemp -d)
# The monitor user's password for this run: the services get it from compose, Prometheus from a file
# beside its copy of the configuration.
NUMBERS_MONITOR_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export NUMBERS_MONITOR_PASSWORD
cp monitoring/prometheus.yml monitoring/alerts.yml "$WORK/"
printf %s "$NUMBERS_MONITOR_PASSWORD" > "$WORK/monitor.password"
# A command's output only when it fails.
quietly() { "$@" >"$WORK/quiet.log" 2>&1 || { sed 's/^/     | /' "$WORK/quiet.log"; return 1; }; }

for tool in prometheus prometheus-blackbox-exporter promtool; do
    command -v "$tool" >/dev/null || {
        say "$tool is missing: install Debian's prometheus and prometheus-blackbox-exporter (as root: .ci/install-monitoring.sh)" >&2
        exit 1
    }
done
require_engine

pids=()
dc() { NUMBERS_API_STOP_AFTER=$STOP_AFTER docker compose -p "$PROJECT" "$@" >>"$WORK/compose.log" 2>&1; }
finish() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    dc down --volumes --remove-orphans --timeout 5
    rm -rf "$WORK"
}
trap finish EXIT
# The API replaces itself after this many failed checks (5 s apart): long enough for Prometheus to see
# it broken and the alert fire, then the self-healing is watched too.
STOP_AFTER=8

diagnose() {
    echo "Prometheus targets:"
    curl -s --max-time 3 "http://$PROMETHEUS/api/v1/targets" | python3 -c '
import json, sys
for t in json.load(sys.stdin)["data"]["activeTargets"]:
    print(" ", t["labels"].get("job"), t["labels"].get("service"), t["health"], t.get("lastError", ""))' 2>&1
    docker compose -p "$PROJECT" ps -a --format '{{.Service}}: {{.Status}}'
}

# prom QUERY: the value of the query's first sample, or "none".
prom() {
    curl -s --max-time 3 --get --data-urlencode "query=$1" "http://$PROMETHEUS/api/v1/query" | python3 -c '
import json, sys
try:
    result = json.load(sys.stdin)["data"]["result"]
    print(result[0]["value"][1] if result else "none")
except Exception:
    print("none")'
}
prom_is() { [ "$(prom "$1")" = "$2" ]; }
prom_above() { python3 -c 'import sys; v = sys.argv[1]; sys.exit(0 if v != "none" and float(v) > float(sys.argv[2]) else 1)' "$(prom "$1")" "$2"; }
firing() {
    curl -s --max-time 3 "http://$PROMETHEUS/api/v1/alerts" | python3 -c '
import json, sys
alerts = json.load(sys.stdin)["data"]["alerts"]
sys.exit(0 if any(a["labels"]["alertname"] == sys.argv[1] and a["labels"].get("app") == sys.argv[2] and a["state"] == "firing" for a in alerts) else 1)' "$1" "$2"
}
status_is() { [ "$(status_of "$1")" = "$2" ]; }
# ops_since SERVICE STATUS: when the web's /ops/status says the service took that status, or nothing.
ops_since() {
    curl -sk --max-time 3 -u "monitor:$NUMBERS_MONITOR_PASSWORD" "$WEB_MANAGEMENT/ops/status" | python3 -c '
import json, sys
for service in json.load(sys.stdin)["services"]:
    if service["name"] == sys.argv[1] and service["status"] == sys.argv[2]:
        print(service["since"])' "$1" "$2" 2>/dev/null
}
ops_says() { [ -n "$(ops_since "$1" "$2")" ]; }

check "the configuration in monitoring/ is valid (promtool)" quietly promtool check config "$WORK/prometheus.yml"
check "the blackbox configuration is valid" quietly prometheus-blackbox-exporter --config.file=monitoring/blackbox.yml --config.check
require_free_ports 8087 8088 8447 8448 "${PROMETHEUS##*:}" "${BLACKBOX##*:}"

say "starting both services, the blackbox exporter on $BLACKBOX and Prometheus on $PROMETHEUS"
dc up -d --no-build || { tail -5 "$WORK/compose.log"; say "docker compose up failed (build the images first: docker compose build)" >&2; exit 1; }
prometheus-blackbox-exporter --config.file=monitoring/blackbox.yml --web.listen-address="$BLACKBOX" >"$WORK/blackbox.log" 2>&1 &
pids+=($!)
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" --web.listen-address="$PROMETHEUS" \
    >"$WORK/prometheus.log" 2>&1 &
pids+=($!)

scenario_protected() {
    say "0. /metrics and /ops: the monitor user only"
    wait_until 180 "both services answer /health/ready" eval 'status_is "$API/health/ready" 200 && status_is "$WEB/health/ready" 200' || return 1
    local url
    for url in "$API_MANAGEMENT/metrics" "$WEB_MANAGEMENT/metrics" "$WEB_MANAGEMENT/ops" "$WEB_MANAGEMENT/ops/status"; do
        check "anonymous $url: 401" [ "$(management_status "$url")" = 401 ]
        check "wrong password $url: 401" [ "$(management_status -u monitor:wrong "$url")" = 401 ]
        check "monitor user $url: 200" [ "$(management_status -u "monitor:$NUMBERS_MONITOR_PASSWORD" "$url")" = 200 ]
    done
    check "plain HTTP $API/metrics gives no metrics" [ "$(status_of "$API/metrics")" != 200 ]
    check "plain HTTP $WEB/ops/status gives no view" [ "$(status_of "$WEB/ops/status")" != 200 ]
}

scenario_ready() {
    say "1. both services ready, as Prometheus sees them"
    wait_until 180 "both services answer /health/ready" eval 'status_is "$API/health/ready" 200 && status_is "$WEB/health/ready" 200' || return 1
    wait_until 60 "probe_success is 1 for both" eval 'prom_is "probe_success{app=\"numbers-api\"}" 1 && prom_is "probe_success{app=\"numbers-web\"}" 1' || return 1
    wait_until 30 "both /metrics scraped (up is 1)" eval 'prom_is "min(up{job=\"numbers-metrics\"})" 1' || return 1
    wait_until 30 "the web's gauge for the API is 1" prom_is 'numbers_ops_service_up{service="numbers-api"}' 1 || return 1
}

scenario_api_breaks() {
    say "2. the API breaks"
    local start=$SECONDS
    for _ in 1 2 3 4; do curl -s -o /dev/null "$API/rng"; done
    check "four calls broke the API" status_is "$API/rng" 500 || return 1
    wait_until 40 "probe_success for the API went from 1 to 0" prom_is 'probe_success{app="numbers-api"}' 0 || return 1
    wait_until 30 "the web's gauge for the API is 0" prom_is 'numbers_ops_service_up{service="numbers-api"}' 0
    check "the web's gauge for itself is still 1" prom_is 'numbers_ops_service_up{service="numbers-web"}' 1
    wait_until 10 "the web's /ops/status shows the API DOWN" ops_says numbers-api DOWN
    say "   /ops/status: numbers-api DOWN since $(ops_since numbers-api DOWN), numbers-web UP since $(ops_since numbers-web UP)"
    wait_until 40 "the alert NumbersServiceNotReady fires for the API" firing NumbersServiceNotReady numbers-api
    say "   from the bug to the alert: $((SECONDS - start)) s"
}

scenario_circuit_opens() {
    say "3. the web's circuit breaker opens"
    for _ in 1 2 3 4 5 6; do curl -s -o /dev/null --max-time 5 "$WEB/api/number"; done
    wait_until 30 "numbers_ops_circuitbreaker_state{state=\"open\"} is 1" prom_is 'numbers_ops_circuitbreaker_state{state="open"}' 1
    check "Fault Tolerance's own ft_circuitbreaker_opened_total is above 0" prom_above 'sum(ft_circuitbreaker_opened_total)' 0
}

scenario_self_healing() {
    say "4. the API replaces itself"
    wait_until 150 "probe_success for the API is back to 1" prom_is 'probe_success{app="numbers-api"}' 1
}

for scenario in scenario_protected scenario_ready scenario_api_breaks scenario_circuit_opens scenario_self_healing; do
    "$scenario" || say "   (scenario stopped at its first failed step; see above)"
done

say "5. cleanup"
finish
trap - EXIT
check "nothing of the test is left" [ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT")" ]
summary
