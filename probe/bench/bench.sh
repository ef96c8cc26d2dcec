#!/usr/bin/env bash
# What one health check costs. A container runs the probe every few seconds, so its cost is the JVM's
# start; this compares it, in ONE hyperfine run against one local server on 127.0.0.1, with:
#   empty main    the floor: a class whose main does nothing, started with the same jvm.options
#   probe         java @probe/jvm.options -jar probe/target/probe.jar -q -u URL
#   probe + CDS   the same plus -XX:SharedArchiveFile, an archive made here as the images make theirs
#   curl          what the book's images used: curl -fsS --max-time 2 URL
# Goals (printed as PASS/FAIL; this is a measurement, not a test):
#   probe median <= 1.5 x empty-main median;  peak RSS of one probe run <= 40 MiB.
#
# Builds nothing: it needs probe/target/probe.jar (cd /work/main && mvn -B -pl probe verify).
# Needs java/javac 17, hyperfine, curl and GNU time at /usr/bin/time (Debian: apt-get install -y
# hyperfine curl time). Bounded: 3 warmups + RUNS runs per command, every step under `timeout`, and
# the server stops itself after 10 minutes even if this script is killed before its trap runs.
#
#   probe/bench/bench.sh                 RUNS=30, results in probe/target/bench/
#   RUNS=50 CDS=0 OUT=/tmp/b probe/bench/bench.sh
set -euo pipefail

PROBE_DIR=$(cd "$(dirname "$0")/.." && pwd)
JAR=$PROBE_DIR/target/probe.jar
OPTIONS=$PROBE_DIR/jvm.options
RUNS=${RUNS:-30}
CDS=${CDS:-1}
OUT=${OUT:-$PROBE_DIR/target/bench}
GOAL_RATIO=1.5
GOAL_RSS_MIB=40

if [ ! -f "$JAR" ]; then
    echo "bench: $JAR is missing. This script builds nothing: run 'mvn -B -pl probe verify' in the project root first." >&2
    exit 2
fi
for tool in java javac hyperfine curl /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench: $tool is missing (Debian: apt-get install -y hyperfine curl time)" >&2
        exit 2
    fi
done

WORK=$(mktemp -d)
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop_server EXIT

javac -d "$WORK" "$PROBE_DIR/bench/HealthServer.java"
printf 'public class Empty { public static void main(String[] args) { } }\n' > "$WORK/Empty.java"
javac -d "$WORK" "$WORK/Empty.java"

java -Xmx32m -cp "$WORK" HealthServer "$WORK/port" 600 &
SERVER_PID=$!
for _ in $(seq 100); do
    [ -f "$WORK/port" ] && break
    sleep 0.1
done
[ -f "$WORK/port" ] || { echo "bench: the local health server did not start within 10 s" >&2; exit 1; }
URL="http://127.0.0.1:$(cat "$WORK/port")/health"

# The probe must pass before its speed means anything.
timeout 10 java @"$OPTIONS" -jar "$JAR" -u "$URL"

PROBE="java @$OPTIONS -jar $JAR -q -u $URL"
COMMANDS=(-n "empty main" "java @$OPTIONS -cp $WORK Empty" -n "probe" "$PROBE")
if [ "$CDS" = 1 ]; then
    # The recipe the images use: one run with ArchiveClassesAtExit, then SharedArchiveFile on every run.
    timeout 30 java -XX:ArchiveClassesAtExit="$WORK/probe.jsa" @"$OPTIONS" -jar "$JAR" -q -u "$URL"
    COMMANDS+=(-n "probe + CDS" "java -XX:SharedArchiveFile=$WORK/probe.jsa @$OPTIONS -jar $JAR -q -u $URL")
fi
COMMANDS+=(-n "curl" "curl -fsS -o /dev/null --max-time 2 $URL")

mkdir -p "$OUT"
echo "$(java -version 2>&1 | head -1); $(nproc) cores; jvm.options: $(tr '\n' ' ' < "$OPTIONS")"
timeout 600 hyperfine -N --warmup 3 --runs "$RUNS" \
    --export-json "$OUT/bench.json" --export-markdown "$OUT/bench.md" --export-csv "$WORK/bench.csv" \
    "${COMMANDS[@]}"

# GNU time -v reports the peak resident set size in KiB.
peak_rss_kib() {
    timeout 30 /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
RSS_EMPTY=$(peak_rss_kib java @"$OPTIONS" -cp "$WORK" Empty)
RSS_PROBE=$(peak_rss_kib java @"$OPTIONS" -jar "$JAR" -q -u "$URL")
RSS_CDS=""
if [ "$CDS" = 1 ]; then
    RSS_CDS=$(peak_rss_kib java -XX:SharedArchiveFile="$WORK/probe.jsa" @"$OPTIONS" -jar "$JAR" -q -u "$URL")
fi

# hyperfine's CSV: command,mean,stddev,median,user,system,min,max (seconds); no name here has a comma.
awk -F, -v goal="$GOAL_RATIO" -v rss_goal="$GOAL_RSS_MIB" \
    -v rss_empty="$RSS_EMPTY" -v rss_probe="$RSS_PROBE" -v rss_cds="$RSS_CDS" -v out="$OUT" '
    NR > 1 { median[$1] = $4; order[++n] = $1 }
    END {
        floor = median["empty main"]
        printf "\n%-12s %10s %9s\n", "command", "median", "x floor"
        for (i = 1; i <= n; i++) printf "%-12s %7.1f ms %9.2f\n", order[i], median[order[i]] * 1000, median[order[i]] / floor
        ratio = median["probe"] / floor
        printf "\nratio probe / empty main: %.2f (goal <= %.1f): %s\n", ratio, goal, ratio <= goal ? "PASS" : "FAIL"
        if ("probe + CDS" in median) {
            cds = median["probe + CDS"] / floor
            printf "ratio probe + CDS / empty main: %.2f (goal <= %.1f): %s\n", cds, goal, cds <= goal ? "PASS" : "FAIL"
        }
        printf "peak RSS: empty main %.1f MiB, probe %.1f MiB", rss_empty / 1024, rss_probe / 1024
        if (rss_cds != "") printf ", probe + CDS %.1f MiB", rss_cds / 1024
        printf "\npeak RSS of the probe %.1f MiB (goal <= %d MiB): %s\n", rss_probe / 1024, rss_goal, rss_probe / 1024 <= rss_goal ? "PASS" : "FAIL"
        printf "hyperfine results: %s/bench.json, %s/bench.md\n", out, out
    }' "$WORK/bench.csv"
