#!/usr/bin/env bash
# The web's promises under load, on the real containers of docker-compose.yml: 32 users ask the web
# for numbers, each 100 ms after its last answer, while the API is frozen (its JVM stopped) and, later,
# killed (its process ends with SIGKILL, as a crash would; the restart policy brings it back). The pause
# between requests leaves the CPU of a 2-core machine to the restarting API, whose start would
# otherwise compete with the load for minutes; bench/load.sh measures the users who never pause. The short CI variant of
# bench/load.sh, numbers only. It fails loudly when any of these breaks:
#   - /api/number answers only 200 with a number or the planned 503; no socket error, no client timeout
#   - no answer takes longer than BOUND_MS, the bound the Fault Tolerance settings promise: a hung API is
#     given up after the REST client's read timeout (1000 ms, never retried), an unreachable one after
#     three connect attempts of at most 500 ms with two pauses of at most 150 ms (1800 ms); 200 ms for
#     a busy 2-core machine
#   - the web's liveness never leaves 200 (sampled every 200 ms) and the web is never restarted
#   - numbers come back within the circuit breaker's delay (5 s) + 3 s once the API is up again
#   - the web's threads and its heap after a full GC grow by at most 10 % over the run
# Each fault comes in the middle of the load, never between runs. Loopback only; wrk's run and every
# wait are bounded; everything the test started is removed, also when a step fails.
#
#   docker/load-test.sh [--no-build]
# Needs wrk (apt-get install -y wrk) and a JDK's jcmd on this machine (for the GC before each heap
# reading). Without a registry, set MAVEN_IMAGE and JRE_IMAGE first (docker/build-base-images.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

NAME=load-test
PROJECT=numbers-load-test
API=http://localhost:${NUMBERS_API_PORT:-8087}
WEB=http://localhost:${NUMBERS_WEB_PORT:-8088}
USERS=32
THINK_MS=100
BOUND_MS=2000
CIRCUIT_DELAY_MS=5000
RECOVERY_MS=$((CIRCUIT_DELAY_MS + 3000))
MAX_RUN_SECONDS=240
WORK=$(mktemp -d)
LOG=$WORK/compose.log
. docker/test-lib.sh

between() { [ "$2" -ge "$1" ] && [ "$2" -le "$3" ]; } # LOW X HIGH
now_ms() { date +%s%3N; }
event() { echo "$1 $(now_ms)" >>"$WORK/events"; }
diagnose() {
    docker compose -p "$PROJECT" ps -a --format '{{.Service}}: {{.Status}}'
    tail -5 "$LOG"
}

pids=()
finish() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    # a stopped JVM would keep `down` waiting for its timeout
    [ -n "$(container numbers-api)" ] && kill -CONT "$(docker inspect -f '{{.State.Pid}}' "$(container numbers-api)")" 2>/dev/null
    dc down --volumes --remove-orphans --timeout 5
    rm -rf "$WORK"
}
trap finish EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || { say "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v jcmd >/dev/null || { say "jcmd is missing: install a JDK (apt-get install -y openjdk-17-jdk-headless)" >&2; exit 1; }
require_engine
if [ "${1:-}" != "--no-build" ]; then
    build_images "$PROJECT"
fi
dc down --volumes --remove-orphans --timeout 5
require_free_ports "${NUMBERS_API_PORT:-8087}" "${NUMBERS_WEB_PORT:-8088}"

# The web's JVM seen from this machine: Liberty's java, a child of the container's first process (the
# start script, which runs the server beside its dependency check).
web_pid() {
    ps -o pid=,comm= --ppid "$(docker inspect -f '{{.State.Pid}}' "$(container numbers-web)")" | awk '$2 == "java" { print $1; exit }'
}
# threads and heap bytes after a full GC, from the JVM itself; the class histogram is kept in
# $WORK/histogram-LABEL, so that a failed heap check can say which classes grew
footprint() { # label
    local pid; pid=$(web_pid)
    jcmd "$pid" GC.run >/dev/null 2>&1 || return 1
    jcmd "$pid" GC.class_histogram >"$WORK/histogram-$1" 2>/dev/null
    local threads heap
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
    heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/ used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K$/, "", v); print v * 1024; exit } }')
    [ -n "$threads" ] && [ -n "$heap" ] && echo "$threads $heap"
}

# The ten classes whose instances grew most in bytes between two class histograms.
grown_classes() {
    python3 - "$1" "$2" <<'EOF'
import re, sys
def read(path):
    sizes = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            sizes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return sizes
before, after = read(sys.argv[1]), read(sys.argv[2])
grown = sorted(((after[c][1] - before.get(c, (0, 0))[1], after[c][0] - before.get(c, (0, 0))[0], c) for c in after), reverse=True)
print("     grew most (bytes, instances, class):")
for size, count, name in grown[:10]:
    print(f"     {size:>10} {count:>8} {name}")
EOF
}

say "the web under $USERS users while the API freezes and crashes (bound $BOUND_MS ms, recovery $RECOVERY_MS ms)"
# The API never breaks by itself here (fail-after 0) and its health check never ends it (stop-after 0):
# the faults are the test's own. The web waits for the API instead of exiting and backing off (the
# compose test covers the book's exit-and-restart).
NUMBERS_API_FAIL_AFTER=0 NUMBERS_API_STOP_AFTER=0 NUMBERS_WEB_DEPENDENCY_WAIT=170s dc up -d || { fail "docker compose up -d"; tail -5 "$LOG" | sed 's/^/     | /'; exit 1; }
wait_until 180 "both healthy" both_healthy || { summary; exit 1; }

api=$(container numbers-api)
# The API frozen as a hung JVM: SIGSTOP to the container's main process, the JVM, and SIGCONT to thaw.
# Not docker pause: on a cgroup-v1 engine the freezer can catch a health check's `runc exec` halfway
# (its `runc init` stuck in D state inside the frozen cgroup), and then `docker unpause` waits on that
# exec for ever (seen here: 17 minutes). Stopping the JVM is all the freeze does to the server.
freeze_api() { kill -STOP "$(docker inspect -f '{{.State.Pid}}' "$api")" && frozen_by=sigstop; }
thaw_api() { kill -CONT "$(docker inspect -f '{{.State.Pid}}' "$api")"; }
# A warm-up with as many users, so that the measured run meets JIT-compiled code and a thread pool
# already sized for this load, as users of a running service would; then once more through both faults
# of the measured run, the API frozen for 4 s and then killed, so that the fallback, the open circuit,
# the retries on a refused connection and every metric series and histogram range they bring have been
# made once. What their first use allocates for good (classes, metrics, caches) is then in the heap
# before the footprint below, and the heap's growth over the measured run is what the run itself leaves
# behind. (Without the crash, the Fault Tolerance timers and histograms it first fills made the heap
# check fail in about one run in three: 12 % to 16 % more, all of it metrics.)
wrk -t4 -c$USERS -d15s "$WEB/api/number" >/dev/null 2>&1
wrk -t4 -c$USERS -d170s "$WEB/api/number" >/dev/null 2>&1 &
warmup_wrk=$!
pids+=("$warmup_wrk")
sleep 3
freeze_api
sleep 4
thaw_api
sleep 3
kill -KILL "$(docker inspect -f '{{.State.Pid}}' "$api")"
wait_until 120 "the API back after the warm-up's crash" api_ready || { summary; exit 1; }
sleep 5
kill -INT "$warmup_wrk" 2>/dev/null
wait "$warmup_wrk"
wait_until 30 "numbers again after the warm-up's faults" page_says 'Here it is: [0-9]' || { summary; exit 1; }
before=$(footprint before) || { fail "jcmd could not reach the web's JVM (pid $(web_pid))"; summary; exit 1; }
say "   web before: threads and heap after GC: $before"
web_restarts=$(restarts numbers-web)

# The web's liveness every 200 ms while the load runs: when, status, seconds taken.
(
    end=$((SECONDS + MAX_RUN_SECONDS))
    while [ ! -e "$WORK/stop" ] && [ $SECONDS -lt $end ]; do
        printf '%s ' "$(now_ms)" >>"$WORK/liveness"
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 2 "$WEB/health/live" >>"$WORK/liveness" || echo " 2" >>"$WORK/liveness"
        sleep 0.2
    done
) &
pids+=($!)

# wrk runs until the last fault is over (SIGINT ends it cleanly, with its totals), MAX_RUN_SECONDS at most.
event load-start
REC_OUT=$WORK/rec REC_SUMMARY=$WORK/summary REC_KIND=json REC_THINK_MS=$THINK_MS \
    wrk -t$USERS -c$USERS -d${MAX_RUN_SECONDS}s --timeout 10s -s bench/load/record.lua "$WEB/api/number" >"$WORK/wrk.out" 2>&1 &
wrk_pid=$!
pids+=("$wrk_pid")

sleep 8
event pause
freeze_api
say "   the API frozen (by $frozen_by) for 7 s"
sleep 7
thaw_api
event unpause
sleep 12
event crash
kill -KILL "$(docker inspect -f '{{.State.Pid}}' "$api")"
say "   the API's process killed; waiting for its restart policy"
start=$SECONDS
while ! api_ready && [ $((SECONDS - start)) -lt 120 ]; do sleep 0.2; done
event api-back
api_ready || fail "the API was not back within 120 s of the crash (its restart policy should bring it back)"
sleep $((RECOVERY_MS / 1000 + 3))
kill -INT "$wrk_pid" 2>/dev/null
wait "$wrk_pid"
touch "$WORK/stop"
event load-end

after=$(footprint after) || fail "jcmd could not reach the web's JVM after the run"
say "   web after: threads and heap after GC: $after"

# The figures, from every answer the users saw.
read -r -a figures < <(python3 - "$WORK" <<'EOF'
import glob, sys
work = sys.argv[1]
events = dict(line.split() for line in open(f"{work}/events"))
events = {k: int(v) for k, v in events.items()}
answers = []
for name in glob.glob(f"{work}/rec.*"):
    for line in open(name):
        wall, outcome, status, lat = line.split()
        answers.append((int(wall), outcome, int(status), int(lat) // 1000))
summary = dict(line.strip().split("=", 1) for line in open(f"{work}/summary") if "=" in line)
socket_errors = sum(int(summary[k]) for k in ("errors_connect", "errors_read", "errors_write"))
# a request still unanswered when wrk stopped counts as a timeout only if it had waited 10 s (wrk's --timeout)
end_us = int(summary["end_us"])
pending = [int(line.split("=")[1]) for line in open(f"{work}/summary") if line.startswith("pending_us=")]
timeouts = int(summary["errors_timeout"]) + sum(1 for p in pending if end_us - p > 10_000_000)
# A request that got no answer is a socket error, counted by wrk itself (connect, read, write) and
# checked below; the recorder's own "error" lines only place such events in time.
unplanned = sum(1 for a in answers if a[1] == "other")
no_answer_lines = sum(1 for a in answers if a[1] == "error")
print(f"{no_answer_lines} recorder lines of a request without an answer (wrk's socket errors decide)", file=sys.stderr)
start = events["load-start"]
for a in [a for a in answers if a[1] == "other"][:5]:
    print(f"unplanned answer {a[3]} ms ending {a[0] - start} ms after the load began: {a[1]} {a[2]}", file=sys.stderr)
for a in sorted(answers, key=lambda a: -a[3])[:3]:
    print(f"slow answer {a[3]} ms ending {a[0] - start} ms after the load began: {a[1]} {a[2]}", file=sys.stderr)
print("events (ms after the load began):", {k: v - start for k, v in events.items()}, file=sys.stderr)
numbers = sum(1 for a in answers if a[1] == "number")
planned = sum(1 for a in answers if a[1] == "planned")
slowest = max((a[3] for a in answers), default=-1)
def back_after(event):  # ms from the event to the first number answered after it
    t = events[event]
    return min((a[0] - t for a in answers if a[1] == "number" and a[0] >= t), default=-1)
live = [line.split() for line in open(f"{work}/liveness") if len(line.split()) == 3]
live_not_200 = [(int(w) - events["load-start"], s, t) for w, s, t in live if s != "200"]
if live_not_200:
    print("liveness not 200 at (ms after the load began, status, seconds):", live_not_200, file=sys.stderr)
live_slowest = max((float(t) for _, _, t in live), default=-1) * 1000
planned_while_paused = sum(1 for a in answers if a[1] == "planned" and events["pause"] <= a[0] <= events["unpause"])
print(len(answers), numbers, planned, unplanned, socket_errors, timeouts, slowest,
      back_after("unpause"), back_after("api-back"), len(live), len(live_not_200), int(live_slowest), planned_while_paused,
      events["api-back"] - events["crash"])
EOF
)
if [ "${#figures[@]}" -ne 14 ]; then
    fail "the load run left no figures to check"; cat "$WORK/wrk.out"; summary; exit 1
fi
read -r total numbers planned unplanned socket_errors timeouts slowest back_pause back_crash samples live_bad live_slowest paused_503 api_down_ms <<<"${figures[*]}"
say "   $total answers: $numbers numbers, $planned planned 503s, $unplanned other; slowest $slowest ms"
say "   numbers back $back_pause ms after the unpause, $back_crash ms after the crashed API was ready again (it was gone $api_down_ms ms)"
say "   liveness: $samples samples, $live_bad not 200, slowest $live_slowest ms"

check "the users got answers all along ($total)" [ "$total" -gt 1000 ]
check "the frozen API was seen: $paused_503 planned 503s while it was paused" [ "$paused_503" -gt 0 ]
check "every answer was a number or the planned 503 ($unplanned other)" [ "$unplanned" = 0 ]
check "no socket error ($socket_errors)" [ "$socket_errors" = 0 ]
check "no client timeout ($timeouts)" [ "$timeouts" = 0 ]
check "no answer took longer than $BOUND_MS ms (slowest $slowest ms)" between 0 "$slowest" "$BOUND_MS"
check "numbers back within $RECOVERY_MS ms of the unpause ($back_pause ms)" between 0 "$back_pause" "$RECOVERY_MS"
check "numbers back within $RECOVERY_MS ms of the crashed API's return ($back_crash ms)" between 0 "$back_crash" "$RECOVERY_MS"
check "the web's liveness was sampled all along ($samples samples)" [ "$samples" -gt 100 ]
check "the web's liveness stayed 200 ($live_bad samples not 200, slowest $live_slowest ms)" [ "$live_bad" = 0 ]
check "the web was never restarted" [ "$(restarts numbers-web)" = "$web_restarts" ]
if [ -n "$after" ]; then
    read -r threads_before heap_before <<<"$before"
    read -r threads_after heap_after <<<"$after"
    check "the web's threads grew by at most 10 % ($threads_before -> $threads_after)" [ $((threads_after * 10)) -le $((threads_before * 11)) ]
    check "the web's heap after GC grew by at most 10 % ($heap_before -> $heap_after bytes)" [ $((heap_after * 10)) -le $((heap_before * 11)) ] \
        || grown_classes "$WORK/histogram-before" "$WORK/histogram-after"
fi

say "cleanup"
pids=()
dc down --volumes --remove-orphans --timeout 5
check "nothing of the test is left" [ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT")$(docker network ls -q --filter "label=com.docker.compose.project=$PROJECT")" ]
summary
