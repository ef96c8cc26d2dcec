#!/usr/bin/env bash
# The probe's cost, side by side in one hyperfine run: a health check runs every few seconds in every
# container, so what counts is the JVM's start. Compares, against one local HTTP server on loopback:
#   empty main        the floor: a Java class with an empty main, same JVM options as the probe
#   probe             java @probe/jvm.options -jar probe.jar -u URL
#   probe + CDS       the same with a class-data-sharing archive made here (as the images do)
#   curl              what the book used
# Goals: probe median <= 1.5 x the floor, peak RSS <= 40 MiB. Needs probe/target/probe.jar
# (./mvnw -pl probe package), hyperfine and /usr/bin/time (Debian packages hyperfine and time).
#
#   bench/probe-startup.sh [runs, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-40}
JAR=probe/target/probe.jar
OPTIONS=probe/jvm.options
[ -f "$JAR" ] || { echo "bench: $JAR is missing; build it with ./mvnw -B -pl probe package" >&2; exit 2; }
for tool in hyperfine /usr/bin/time python3 javac curl; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y hyperfine time)" >&2; exit 2; }
done

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/www"
printf '{"status":"UP","checks":[{"name":"numbers-api","status":"UP","data":{"calls":0,"failAfter":3}}]}' > "$WORK/www/health"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/www" >/dev/null 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT/health"
for _ in $(seq 50); do curl -fsS -o /dev/null "$URL" 2>/dev/null && break; sleep 0.1; done

printf 'public class Empty { public static void main(String[] args) { } }\n' > "$WORK/Empty.java"
javac -d "$WORK" "$WORK/Empty.java"
java -XX:ArchiveClassesAtExit="$WORK/probe.jsa" @"$OPTIONS" -jar "$JAR" -q -u "$URL"

java -version 2>&1 | head -1
echo "jvm.options: $(tr '\n' ' ' < "$OPTIONS")"
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$WORK/result.json" \
    -n "empty main" "java @$OPTIONS -cp $WORK Empty" \
    -n "probe" "java @$OPTIONS -jar $JAR -q -u $URL" \
    -n "probe + CDS" "java @$OPTIONS -XX:SharedArchiveFile=$WORK/probe.jsa -jar $JAR -q -u $URL" \
    -n "curl" "curl -fsS -o /dev/null --max-time 2 $URL"

rss_kib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
RSS_PROBE=$(rss_kib java @"$OPTIONS" -jar "$JAR" -q -u "$URL")
RSS_CDS=$(rss_kib java @"$OPTIONS" -XX:SharedArchiveFile="$WORK/probe.jsa" -jar "$JAR" -q -u "$URL")

python3 - "$WORK/result.json" "$RSS_PROBE" "$RSS_CDS" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = results["empty main"]["median"]
print()
print(f"{'command':<14} {'median':>9} {'x floor':>8}")
for name, r in results.items():
    print(f"{name:<14} {r['median'] * 1000:7.1f} ms {r['median'] / floor:7.2f}")
ratio = results["probe"]["median"] / floor
ratio_cds = results["probe + CDS"]["median"] / floor
rss, rss_cds = int(sys.argv[2]) / 1024, int(sys.argv[3]) / 1024
print()
print(f"goal: probe median <= 1.5 x floor: {ratio:.2f} ({'met' if ratio <= 1.5 else 'NOT met'}); with CDS {ratio_cds:.2f}")
print(f"goal: peak RSS <= 40 MiB: {rss:.1f} MiB ({'met' if rss <= 40 else 'NOT met'}); with CDS {rss_cds:.1f} MiB")
PY
