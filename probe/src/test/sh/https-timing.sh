#!/usr/bin/env bash
# How long a good https check takes with a set of JVM options: the packaged probe against a local TLS
# server whose certificate (RSA 2048, for 127.0.0.1, as Liberty's own) comes from a test CA, trusted the
# way an operator would: -Djavax.net.ssl.trustStore. Prints each run's line and the medians of the wall
# time and of the time the probe itself reports (the part its --timeout bounds).
#
#   probe/src/test/sh/https-timing.sh [runs, default 10] [jvm options file, default probe/jvm.options] [jar]
#
# Needs ./mvnw -pl probe package (the jar, and the test classes for the server and certificates).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-10}
OPTIONS=${2:-jvm.options}
JAR=${3:-target/probe.jar}
[ -f "$JAR" ] && [ -d target/test-classes ] || { echo "timing: build first: ./mvnw -B -pl probe package" >&2; exit 2; }

OUT=$(mktemp)
java -cp target/test-classes:target/classes dev.numbers.probe.TestTls serve target/test-tls > "$OUT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$OUT"' EXIT
for _ in $(seq 600); do [ -s "$OUT" ] && break; sleep 0.1; done
read -r TRUST URL < "$OUT"

echo "jvm options: $(grep -v '^#' "$OPTIONS" | tr '\n' ' ')"
walls=()
selfs=()
for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    line=$(java @"$OPTIONS" -Djavax.net.ssl.trustStore="$TRUST" -Djavax.net.ssl.trustStorePassword=changeit \
        -jar "$JAR" -u "$URL" || true)
    end=$(date +%s%N)
    echo "  $line"
    walls+=($(( (end - start) / 1000000 )))
    selfs+=($(sed -E 's/.* ([0-9]+) ms.*/\1/' <<<"$line"))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median wall $(median "${walls[@]}") ms, median as the probe reports it $(median "${selfs[@]}") ms (default timeout 2000 ms)"
