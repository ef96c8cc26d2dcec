#!/usr/bin/env bash
# Latency of a click (POST / on numbers-web), side by side in one run: the API healthy, then the API
# broken with the web's circuit breaker open. Both services run locally (scripts/run-local.sh), on
# loopback only; every loop is bounded. Prints median, p95 and max per phase and their ratio.
#
#   bench/click-latency.sh [clicks per phase, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."

CLICKS=${1:-200}
WARMUP=30
WEB=http://localhost:${WEB_PORT:-9081}
API=http://localhost:${API_PORT:-9080}
OUT=$(mktemp -d)

cleanup() { scripts/run-local.sh stop >/dev/null 2>&1 || true; rm -rf "$OUT"; }
trap cleanup EXIT

# The API serves exactly the warm-up and the healthy phase, then breaks.
NUMBERS_API_FAIL_AFTER=$((WARMUP + CLICKS)) scripts/run-local.sh start >/dev/null

click() { curl -sS -o /dev/null -X POST -w '%{time_total}\n' --max-time 5 "$WEB/"; }

summary() { # file label
    sort -n "$1" | awk -v label="$2" '{ t[NR] = $1 * 1000 } END {
        printf "%-28s n=%d  median %6.2f ms  p95 %6.2f ms  max %7.2f ms\n", label, NR, t[int((NR + 1) / 2)], t[int(NR * 0.95)], t[NR] }'
}
median() { sort -n "$1" | awk '{ t[NR] = $1 * 1000 } END { print t[int((NR + 1) / 2)] }'; }

for _ in $(seq "$WARMUP"); do click >/dev/null; done
for _ in $(seq "$CLICKS"); do click; done > "$OUT/healthy"

# Break the API for good and let the circuit open (a handful of failed calls).
for _ in $(seq 10); do curl -s -o /dev/null "$API/rng"; done
for _ in $(seq 10); do click >/dev/null; done
for _ in $(seq "$CLICKS"); do click; done > "$OUT/open"

grep -q . "$OUT/healthy" && grep -q . "$OUT/open"
summary "$OUT/healthy" "API healthy"
summary "$OUT/open" "API broken, circuit open"
awk -v h="$(median "$OUT/healthy")" -v o="$(median "$OUT/open")" \
    'BEGIN { printf "median ratio open/healthy: %.2f\n", o / h }'
curl -s "$API/health/live" | head -c 300; echo
