#!/usr/bin/env bash
# What the web's health poller (the operations view) costs, side by side in one run: both services
# with the poller switched off (NUMBERS_OPS_ENABLED=false), then with it on at its defaults (the web and
# the API polled every 5 s). Per phase: the CPU time each JVM used while idling for WINDOW seconds (from
# /proc/PID/stat), and the API's /health latency as a client sees it (wrk, one connection, loopback).
# Both services run locally (scripts/run-local.sh); every load is bounded in time.
#
#   bench/poller-cost.sh [WINDOW seconds, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW=${1:-60}
WARMUP=20
API_PORT=${API_PORT:-9080}
TICKS=$(getconf CLK_TCK)
OUT=$(mktemp -d)
export API_PORT WEB_PORT=${WEB_PORT:-9081} WEB_HTTPS_PORT=${WEB_HTTPS_PORT:-9444}
# /ops/status answers the monitor user only, over HTTPS.
NUMBERS_MONITOR_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export NUMBERS_MONITOR_PASSWORD

command -v wrk >/dev/null || { echo "poller-cost: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
cleanup() { scripts/run-local.sh stop >/dev/null 2>&1 || true; rm -rf "$OUT"; }
trap cleanup EXIT

pid_of() { cat "numbers-$1-war/target/liberty/wlp/usr/servers/.pid/numbers-$1.pid"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

phase() { # label ops-enabled
    scripts/run-local.sh stop >/dev/null 2>&1 || true
    NUMBERS_OPS_ENABLED=$2 scripts/run-local.sh start >/dev/null
    local web api
    web=$(pid_of web)
    api=$(pid_of api)
    sleep "$WARMUP"
    local web0 api0
    web0=$(cpu_ticks "$web")
    api0=$(cpu_ticks "$api")
    sleep "$WINDOW"
    local web_cpu api_cpu
    web_cpu=$(awk -v a="$web0" -v b="$(cpu_ticks "$web")" -v t="$TICKS" -v w="$WINDOW" 'BEGIN { printf "%.3f", (b - a) / t * 60 / w }')
    api_cpu=$(awk -v a="$api0" -v b="$(cpu_ticks "$api")" -v t="$TICKS" -v w="$WINDOW" 'BEGIN { printf "%.3f", (b - a) / t * 60 / w }')
    wrk -t1 -c1 -d20s --latency "http://localhost:$API_PORT/health" > "$OUT/wrk-$2"
    local p50 p99 rps
    p50=$(awk '$1 == "50%" { print $2 }' "$OUT/wrk-$2")
    p99=$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$2")
    rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/wrk-$2")
    local polls
    polls=$(curl -sk -u "monitor:$NUMBERS_MONITOR_PASSWORD" "https://localhost:$WEB_HTTPS_PORT/ops/status" | python3 -c 'import json, sys; print(sum(s["polls"] for s in json.load(sys.stdin)["services"]))')
    printf '%-22s %14s %14s %12s %12s %12s %8s\n' "$1" "$web_cpu s" "$api_cpu s" "$p50" "$p99" "$rps" "$polls"
    echo "$web_cpu $api_cpu $p50 $p99" > "$OUT/$2"
}

to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }

printf '%-22s %14s %14s %12s %12s %12s %8s\n' "phase" "web CPU/min" "API CPU/min" "API p50" "API p99" "API req/s" "polls"
phase "poller off" false
phase "poller on (defaults)" true

read -r off_web off_api off_p50 off_p99 < "$OUT/false"
read -r on_web on_api on_p50 on_p99 < "$OUT/true"
awk -v a="$on_web" -v b="$off_web" -v c="$on_api" -v d="$off_api" \
    -v e="$(to_ms <<<"$on_p50")" -v f="$(to_ms <<<"$off_p50")" -v g="$(to_ms <<<"$on_p99")" -v h="$(to_ms <<<"$off_p99")" \
    'BEGIN { printf "ratio on/off: web CPU %.2f, API CPU %.2f, API /health p50 %.2f, p99 %.2f\n", a / b, c / d, e / f, g / h }'
