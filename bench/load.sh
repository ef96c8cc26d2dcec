#!/usr/bin/env bash
# Load and fault benchmark of numbers-web (issue 10): both stacks side by side in one run, the Liberty
# services ('numbers') and the Spring Boot + Resilience4j twin in bench/peers/spring-boot ('peer').
#
#   bench/load.sh [--quick] [--scenarios a,b,c,d,e,f] [--stacks numbers,peer] [--out DIR] [--build]
#
#   (the full run: about 21 min on a 2-core machine, more when the API restarts are starved of CPU)
#   --quick      short windows (a few seconds per run): a smoke test of the whole harness, 10-16 min
#   --scenarios  any of a b c d e f (default: all), or single runs: d-stop d-stall e-300 e-1200 e-3000
#   --stacks     numbers, peer or both (default both; the peer is built if its jars are missing)
#   --out DIR    results directory (default bench/results/<date-time>): results.md, *.png, raw/
#   --build      rebuild the Liberty WARs first (otherwise the existing ones in */target are used)
#
# Scenarios (each fault is injected in the middle of a load run; users = concurrent connections):
#   a  healthy: GET /rng on the API directly, GET /api/number and POST / on the web, 32/64/128 users
#   b  the API's bug strikes mid-run (a finite fail-after, calibrated on the web's rate just before;
#      if the bug has not struck by the middle, a short direct /rng burst spends the rest)
#   c  the API refuses connections (its server stopped) and later comes back
#   d  the API hangs: d-stop = its JVM stopped with SIGSTOP (docker pause), then SIGCONT;
#      d-stall = a stand-in that accepts connections and never answers (bench/load/FaultProxy.java)
#   e  the API answers slowly: 300, 1200 and 3000 ms per answer (the same proxy, delaying)
#   f  saturation: 512 users, far more than the bulkhead admits, with the API stopped (SIGSTOP) mid-run,
#      while the web's /health/live and /health/ready are sampled every 200 ms (as in every run)
#
# Everything runs on this machine, on loopback only. Every load is bounded by wrk's -d (and a
# watchdog), every wait by a deadline; everything started here is stopped at the end, also on Ctrl-C or
# a failure (by PID). Liberty runs from a hard-linked copy of the runtime in */target/liberty/wlp with
# its own user directory in /tmp, so a dev server or a rebuild elsewhere does not get in the way.
#
# Needs wrk, gnuplot, python3, curl, a JDK (jcmd, jstat). Exit status: 0 done, 2 missing tools or busy
# ports, 1 a failure.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench/load

# ---------------------------------------------------------------------------------------------- options
QUICK=0
SCENARIOS=a,b,c,d,e,f
STACKS=numbers,peer
OUT=
BUILD=0
usage() { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --scenarios) SCENARIOS=$2; shift ;;
        --scenarios=*) SCENARIOS=${1#*=} ;;
        --stacks) STACKS=$2; shift ;;
        --stacks=*) STACKS=${1#*=} ;;
        --out) OUT=$2; shift ;;
        --out=*) OUT=${1#*=} ;;
        --build) BUILD=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "load.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# ------------------------------------------------------------------------------------------- settings
HEAP_OPTS=(-Xms128m -Xmx512m)      # the same for all four JVMs
USERS_A=(32 64 128)
FAULT_USERS=${FAULT_USERS:-32}
SAT_USERS=${SAT_USERS:-512}
CLIENT_TIMEOUT=5                   # seconds: wrk --timeout; answers later than this count as timeouts
DELAYS=(300 1200 3000)
# WIN: measured window; FS/FE: fault start/end (s from the window's start); POST: a fault run goes on
# at least this long after the fault's end (c: after the API answers again)
if [ "$QUICK" = 1 ]; then
    WARM_A=3; WIN_A=3; WARM_F=2; WIN_F=12; FS_F=4; FE_F=8; WIN_C=12; FS_C=4; FE_C=8; POST=4; CAL=2
else
    WARM_A=10; WIN_A=10; WARM_F=5; WIN_F=30; FS_F=10; FE_F=20; WIN_C=30; FS_C=10; FE_C=20; POST=10; CAL=3
fi
# ports: API, web, and the API's own port while the fault proxy stands on the API's port (d-stall, e)
# (override with NUMBERS_PORTS=api,web,hidden and PEER_PORTS=api,web,hidden)
IFS=, read -r n_api n_web n_hidden <<<"${NUMBERS_PORTS:-9580,9581,9582}"
IFS=, read -r p_api p_web p_hidden <<<"${PEER_PORTS:-9680,9681,9682}"
declare -A API_PORT=([numbers]=$n_api [peer]=$p_api) WEB_PORT=([numbers]=$n_web [peer]=$p_web) \
    HIDDEN_PORT=([numbers]=$n_hidden [peer]=$p_hidden)
PEER_DIR=$ROOT/bench/peers/spring-boot
PEER_API_JAR=$PEER_DIR/numbers-api/target/numbers-api-peer.jar
PEER_WEB_JAR=$PEER_DIR/numbers-web/target/numbers-web-peer.jar

STAMP=$(date +%Y-%m-%d-%H%M%S)
OUT=${OUT:-$ROOT/bench/results/$STAMP}
RAW=$OUT/raw
T_START=$SECONDS

say() { printf '[%s] %s\n' "$(elapsed)" "$*"; }
elapsed() { local s=$((SECONDS - T_START)); printf '%02d:%02d' $((s / 60)) $((s % 60)); }
now_ms() { date +%s%3N; }
die() { echo "load.sh: $*" >&2; exit 1; }

# -------------------------------------------------------------------------------------------- checks
missing=()
for tool in wrk gnuplot python3 curl java jcmd jstat ss; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "load.sh: missing: ${missing[*]}" >&2
    echo "  apt-get install -y wrk gnuplot-nox python3 curl openjdk-17-jdk-headless iproute2" >&2
    exit 2
fi
IFS=, read -r -a STACK_LIST <<<"$STACKS"
for s in "${STACK_LIST[@]}"; do
    case $s in numbers|peer) ;; *) echo "load.sh: unknown stack $s" >&2; exit 2 ;; esac
done
# expand scenario groups into runs, in the one order that needs the fewest API restarts
RUNS=()
want() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
want a && RUNS+=(a)
want b && RUNS+=(b)
want c && RUNS+=(c)
{ want d || want d-stop; } && RUNS+=(d-stop)
want f && RUNS+=(f)
{ want d || want d-stall; } && RUNS+=(d-stall)
for d in "${DELAYS[@]}"; do { want e || want "e-$d"; } && RUNS+=("e-$d"); done
[ ${#RUNS[@]} -gt 0 ] || { echo "load.sh: no scenario selected from '$SCENARIOS'" >&2; exit 2; }

JAVA_BIN=$(readlink -f "$(command -v java)")
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$JAVA_BIN")")}
JAVA=$JAVA_HOME/bin/java
[ -x "$JAVA" ] || die "no java in JAVA_HOME=$JAVA_HOME"

for s in "${STACK_LIST[@]}"; do
    for p in "${API_PORT[$s]}" "${WEB_PORT[$s]}" "${HIDDEN_PORT[$s]}"; do
        if ss -Hltn "sport = :$p" | grep -q .; then
            echo "load.sh: port $p is in use (needed by $s); stop what listens there first" >&2
            exit 2
        fi
    done
done
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# ------------------------------------------------------------------------ cleanup (also on Ctrl-C)
WORK=
BG_PIDS=()                     # every background process started here, stopped by PID at the end
declare -A API_PID WEB_PID PROXY_PID API_AT   # API_AT: direct | proxied
cleanup() {
    local rc=$?
    trap - EXIT INT TERM ERR
    set +e
    [ "$rc" = 0 ] || echo "load.sh: stopping everything (exit $rc)" >&2
    for pid in "${BG_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for s in "${STACK_LIST[@]}"; do
        [ -n "${API_PID[$s]:-}" ] && kill -CONT "${API_PID[$s]}" 2>/dev/null
    done
    for s in "${STACK_LIST[@]}"; do
        stop_proxy "$s"
        stop_web "$s"
        stop_api "$s"
    done
    for pid in "${BG_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        mkdir -p "$RAW/numbers"
        for name in numbers-api numbers-web; do
            [ -d "$WORK/usr/servers/$name/logs" ] && cp -r "$WORK/usr/servers/$name/logs" "$RAW/numbers/$name-logs"
        done
        rm -rf "$WORK"
    fi
    say "stopped everything; results in ${OUT#"$ROOT"/}"
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "load.sh: interrupted" >&2; exit 130' INT TERM
trap 'echo "load.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

bg() { "$@" & BG_PIDS+=($!); }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
wait_gone() { # PID seconds
    local deadline=$((SECONDS + $2))
    while alive "$1" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    ! alive "$1"
}
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-2}" "$1" 2>/dev/null || true; }
wait_answering() { # URL seconds: any HTTP answer
    local deadline=$((SECONDS + $2)) c
    while c=$(http_code "$1"); [ -z "$c" ] || [ "$c" = 000 ]; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.25
    done
}
wait_http_200() { # URL seconds
    local deadline=$((SECONDS + $2))
    until [ "$(http_code "$1")" = 200 ]; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.25
    done
}

# ----------------------------------------------------------------------------------- the two stacks
WLP=
USR=
liberty() { env WLP_USER_DIR="$USR" JAVA_HOME="$JAVA_HOME" "$@"; }

prepare_numbers() {
    local api_war=numbers-api-war/target/numbers-api.war web_war=numbers-web-war/target/numbers-web.war
    local runtime=numbers-web-war/target/liberty/wlp
    if [ "$BUILD" = 1 ] || [ ! -f "$api_war" ] || [ ! -f "$web_war" ]; then
        say "building the Liberty WARs (./mvnw -B -q -DskipTests package)"
        ./mvnw -B -q -DskipTests -pl numbers-api-war,numbers-web-war -am package
    fi
    if [ ! -x "$runtime/bin/server" ]; then
        say "unpacking the Liberty runtime (liberty:install-server)"
        ./mvnw -B -q -pl numbers-web-war liberty:install-server
    fi
    WLP=$WORK/wlp
    cp -al "$runtime" "$WLP" 2>/dev/null || cp -a "$runtime" "$WLP"
    rm -rf "$WLP/usr"
    USR=$WORK/usr
    local name war
    for name in numbers-api numbers-web; do
        war=$api_war
        [ $name = numbers-web ] && war=$web_war
        mkdir -p "$USR/servers/$name/apps" "$USR/servers/$name/configDropins/defaults"
        cp "$ROOT"/src/main/liberty/config/* "$USR/servers/$name/"
        cp "$war" "$USR/servers/$name/apps/$name.war"
        printf '<server>\n    <webApplication id="%s" location="%s.war" name="%s"/>\n</server>\n' \
            "$name" "$name" "$name" >"$USR/servers/$name/configDropins/defaults/bench-app.xml"
        printf '%s\n' "${HEAP_OPTS[@]}" >"$USR/servers/$name/jvm.options"
        # What the images' server-run draws per container: the key and monitor passwords (none known).
        # The benchmark needs no management side, so HTTPS is off (HTTPS_PORT=-1): two servers
        # here would otherwise both ask for 9443.
        printf 'keystore_password=%s\nltpa_keys_password=%s\nNUMBERS_MONITOR_PASSWORD=%s\nHTTPS_PORT=-1\n' \
            "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" \
            "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" \
            >"$USR/servers/$name/server.env"
        { echo "$name: $(sha256sum "$war" | cut -c1-16) $(date -r "$war" '+%F %T') $war"; } >>"$RAW/machine.txt"
    done
}

prepare_peer() {
    if [ ! -f "$PEER_API_JAR" ] || [ ! -f "$PEER_WEB_JAR" ]; then
        if [ -f "$PEER_DIR/pom.xml" ]; then
            say "building the peer (mvn -B -q -f bench/peers/spring-boot/pom.xml package -DskipTests)"
            mvn -B -q -f "$PEER_DIR/pom.xml" package -DskipTests >"$RAW/peer-build.log" 2>&1 || true
        fi
    fi
    if [ ! -f "$PEER_API_JAR" ] || [ ! -f "$PEER_WEB_JAR" ]; then
        return 1
    fi
    local jar
    for jar in "$PEER_API_JAR" "$PEER_WEB_JAR"; do
        echo "$(basename "$jar" .jar): $(sha256sum "$jar" | cut -c1-16) $(date -r "$jar" '+%F %T') ${jar#"$ROOT"/}" >>"$RAW/machine.txt"
    done
    # run copies, so that a rebuild of the peer during the run does not pull the jars from under it
    mkdir -p "$WORK/peer"
    cp "$PEER_API_JAR" "$PEER_WEB_JAR" "$WORK/peer/"
    PEER_API_JAR=$WORK/peer/$(basename "$PEER_API_JAR")
    PEER_WEB_JAR=$WORK/peer/$(basename "$PEER_WEB_JAR")
}

# health paths: the same on both if the peer maps them; Spring's actuator paths otherwise
declare -A LIVE_PATH=([numbers]=/health/live [peer]=/health/live) READY_PATH=([numbers]=/health/ready [peer]=/health/ready)
detect_peer_health() {
    local c
    c=$(http_code "http://127.0.0.1:${WEB_PORT[peer]}/health/live")
    if [ "$c" != 200 ] && [ "$c" != 503 ]; then
        LIVE_PATH[peer]=/actuator/health/liveness
        READY_PATH[peer]=/actuator/health/readiness
    fi
    echo "peer health: ${LIVE_PATH[peer]} ${READY_PATH[peer]}" >>"$RAW/machine.txt"
}

start_api() { # STACK PORT FAIL_AFTER [nowait]
    local s=$1 port=$2 fa=$3 log
    if [ "$s" = numbers ]; then
        HTTP_PORT=$port NUMBERS_API_FAIL_AFTER=$fa liberty "$WLP/bin/server" start numbers-api \
            >>"$RAW/numbers/server-commands.log" 2>&1 || die "numbers-api did not start; see $RAW/numbers/server-commands.log"
        API_PID[$s]=$(cat "$USR/servers/.pid/numbers-api.pid")
    else
        log=$RAW/peer/numbers-api.log
        echo "=== $(date '+%T') start port=$port fail-after=$fa" >>"$log"
        SERVER_PORT=$port NUMBERS_API_FAIL_AFTER=$fa bg "$JAVA" "${HEAP_OPTS[@]}" -jar "$PEER_API_JAR" >>"$log" 2>&1
        API_PID[$s]=${BG_PIDS[-1]}
    fi
    [ "${4:-}" = nowait ] && return 0
    wait_api "$s" "$port" 120 || die "$s API did not get ready on port $port within 120 s"
}
wait_api() { # STACK PORT seconds: ready (the same paths on both APIs if the peer maps them)
    local path=/health/ready
    [ "$1" = peer ] && path=${READY_PATH[peer]}
    wait_http_200 "http://127.0.0.1:$2$path" "$3" || wait_http_200 "http://127.0.0.1:$2/actuator/health/readiness" 1
}
stop_api() {
    local s=$1 pid=${API_PID[$1]:-}
    alive "$pid" || { API_PID[$s]=; return 0; }
    kill -CONT "$pid" 2>/dev/null || true
    if [ "$s" = numbers ]; then
        timeout 60 env WLP_USER_DIR="$USR" JAVA_HOME="$JAVA_HOME" "$WLP/bin/server" stop numbers-api \
            >>"$RAW/numbers/server-commands.log" 2>&1 || true
    else
        kill -TERM "$pid" 2>/dev/null || true
    fi
    wait_gone "$pid" 30 || kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || true
    API_PID[$s]=
}
start_web() {
    local s=$1 log
    local url=http://127.0.0.1:${API_PORT[$s]}
    if [ "$s" = numbers ]; then
        HTTP_PORT=${WEB_PORT[$s]} NUMBERS_API_URL=$url liberty "$WLP/bin/server" start numbers-web \
            >>"$RAW/numbers/server-commands.log" 2>&1 || die "numbers-web did not start"
        WEB_PID[$s]=$(cat "$USR/servers/.pid/numbers-web.pid")
    else
        log=$RAW/peer/numbers-web.log
        SERVER_PORT=${WEB_PORT[$s]} NUMBERS_API_URL=$url bg "$JAVA" "${HEAP_OPTS[@]}" -jar "$PEER_WEB_JAR" >>"$log" 2>&1
        WEB_PID[$s]=${BG_PIDS[-1]}
    fi
}
stop_web() {
    local s=$1 pid=${WEB_PID[$1]:-}
    alive "$pid" || return 0
    if [ "$s" = numbers ]; then
        timeout 60 env WLP_USER_DIR="$USR" JAVA_HOME="$JAVA_HOME" "$WLP/bin/server" stop numbers-web \
            >>"$RAW/numbers/server-commands.log" 2>&1 || true
    else
        kill -TERM "$pid" 2>/dev/null || true
    fi
    wait_gone "$pid" 30 || kill -KILL "$pid" 2>/dev/null || true
    WEB_PID[$s]=
}
start_proxy() {
    local s=$1
    echo pass >"$WORK/proxy-$s.ctl"
    bg "$JAVA" -XX:+UseSerialGC -Xmx128m "$BENCH/FaultProxy.java" "${API_PORT[$s]}" "${HIDDEN_PORT[$s]}" \
        "$WORK/proxy-$s.ctl" >>"$RAW/$s/fault-proxy.log" 2>&1
    PROXY_PID[$s]=${BG_PIDS[-1]}
    wait_http_200 "http://127.0.0.1:${API_PORT[$s]}/rng" 30 || die "the fault proxy of $s does not pass /rng through"
}
stop_proxy() {
    local pid=${PROXY_PID[$1]:-}
    alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
    PROXY_PID[$1]=
}
proxy_mode() { # STACK WORDS...: replace the control file atomically
    local s=$1; shift
    echo "$*" >"$WORK/proxy-$s.ctl.new" && mv "$WORK/proxy-$s.ctl.new" "$WORK/proxy-$s.ctl"
}
restart_api() { # STACK FAIL_AFTER: on whatever port the API has now (direct or behind the proxy)
    local s=$1 port=${API_PORT[$1]}
    [ "${API_AT[$s]}" = proxied ] && port=${HIDDEN_PORT[$s]}
    stop_api "$s"
    start_api "$s" "$port" "$2"
}
ensure_api_at() { # STACK direct|proxied
    local s=$1
    [ "${API_AT[$s]:-}" = "$2" ] && return 0
    say "$s: moving the API ${2/proxied/behind the fault proxy}"
    stop_proxy "$s"
    stop_api "$s"
    if [ "$2" = proxied ]; then
        start_api "$s" "${HIDDEN_PORT[$s]}" 0
        start_proxy "$s"
    else
        start_api "$s" "${API_PORT[$s]}" 0
    fi
    API_AT[$s]=$2
}

# ------------------------------------------------------------------------------------ measurements
cpu_ticks() { # busy and total jiffies of the whole machine
    awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total }' /proc/stat
}
background_cpu() { # percent of the machine busy over 1 s while this benchmark is idle
    local b0 t0 b1 t1
    read -r b0 t0 < <(cpu_ticks)
    sleep 1
    read -r b1 t1 < <(cpu_ticks)
    awk -v b=$((b1 - b0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.0f", t ? 100 * b / t : 0 }'
}

snapshot() { # STACK FILE LABEL: the web's threads and RSS, then its heap after a full GC; CPU of both
    local s=$1 f=$2 pid=${WEB_PID[$1]} api=${API_PID[$1]:-} th rss ticks heap api_ticks=0
    alive "$pid" || { echo "label=$3 web=gone" >>"$f"; return 0; }
    th=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
    alive "$api" && api_ticks=$(sed 's/.*) //' "/proc/$api/stat" | awk '{ print $12 + $13 }')
    timeout 30 jcmd "$pid" GC.run >/dev/null 2>&1 || true
    heap=$(timeout 30 jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "heap_used_kb=%d heap_committed_kb=%d", $3 + $4 + $6 + $8, $1 + $2 + $5 + $7 }')
    echo "label=$3 t_ms=$(now_ms) threads=$th rss_kb=$rss ${heap:-heap_used_kb=-1} web_cpu_ticks=$ticks api_cpu_ticks=$api_ticks api_pid=${api:-0}" >>"$f"
}

settle() { # STACK: the web gives a number again (one request at a time), at most 30 s
    local s=$1 deadline=$((SECONDS + 30)) body
    while [ $SECONDS -lt $deadline ]; do
        body=$(curl -s --max-time 3 "http://127.0.0.1:${WEB_PORT[$s]}/api/number" 2>/dev/null || true)
        [[ $body == *'"number"'* ]] && return 0
        sleep 0.25
    done
    say "  $s: the web gave no number within 30 s of single requests; measuring anyway"
}

url_of() { # STACK KIND
    case $2 in
        rng) echo "http://127.0.0.1:${API_PORT[$1]}/rng" ;;
        json) echo "http://127.0.0.1:${WEB_PORT[$1]}/api/number" ;;
        page) echo "http://127.0.0.1:${WEB_PORT[$1]}/" ;;
    esac
}

wrk_run() { # DIR KIND USERS SECONDS URL: wrk in the background, its PID in WRK_PID
    local dir=$1 users=$3
    mkdir -p "$dir"
    REC_OUT=$dir/resp REC_SUMMARY=$dir/wrk-summary REC_KIND=$2 bg timeout -k 5 $(($4 + 20)) \
        wrk -t "$users" -c "$users" -d "${4}s" --timeout "${CLIENT_TIMEOUT}s" --latency -s "$BENCH/record.lua" "$5" \
        >"$dir/wrk.out" 2>&1
    WRK_PID=${BG_PIDS[-1]}
}

warmup() { # STACK KIND USERS SECONDS
    [ "$4" -gt 0 ] || return 0
    rm -rf "$WORK/warm"
    wrk_run "$WORK/warm" "$2" "$3" "$4" "$(url_of "$1" "$2")"
    wait "$WRK_PID" || true
}

sleep_until() { # epoch ms
    local left
    left=$(($1 - $(now_ms)))
    [ "$left" -le 0 ] || sleep "$(awk -v l="$left" 'BEGIN { printf "%.3f", l / 1000 }')"
}

# measure STACK RUN KIND USERS SECONDS [INJECTOR ARGS...]: one measured window; the injector (if any)
# runs in the foreground while wrk and the sampler run in the background. A run with a fault lasts
# SECONDS, or longer if the fault ends late: until POST seconds after the fault's end (wrk is bounded
# by SECONDS + 120 s in any case)
measure() {
    local s=$1 run=$2 kind=$3 users=$4 win=$5
    shift 5
    local dir=$RAW/$s/$run url hard=$win
    [ $# -gt 0 ] && hard=$((win + 120))
    url=$(url_of "$s" "$kind")
    rm -rf "$dir"
    mkdir -p "$dir"
    {
        echo "stack=$s"
        echo "run=$run"
        echo "kind=$kind"
        echo "users=$users"
        echo "window_s=$win"
        echo "client_timeout_s=$CLIENT_TIMEOUT"
        echo "url=$url"
        echo "web_pid=${WEB_PID[$s]}"
        echo "api_pid=${API_PID[$s]:-}"
        echo "api_at=${API_AT[$s]:-direct}"
        echo "background_cpu_pct=$(background_cpu)"
        echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)"
    } >"$dir/meta"
    snapshot "$s" "$dir/snapshots" before
    local api_health_port=${API_PORT[$s]} api_ready=/health/ready
    [ "${API_AT[$s]}" = proxied ] && api_health_port=${HIDDEN_PORT[$s]}
    [ "$s" = peer ] && api_ready=${READY_PATH[peer]}
    bg python3 "$BENCH/sampler.py" --out "$dir/samples" --duration $((hard + 5)) --interval 0.2 --timeout 2 \
        --url "live=http://127.0.0.1:${WEB_PORT[$s]}${LIVE_PATH[$s]}" \
        --url "ready=http://127.0.0.1:${WEB_PORT[$s]}${READY_PATH[$s]}" \
        --url "api_ready=http://127.0.0.1:$api_health_port$api_ready" \
        --pid "web=${WEB_PID[$s]}" --pid "api=${API_PID[$s]:-0}"
    local sampler=${BG_PIDS[-1]} i
    for i in $(seq 50); do [ -s "$dir/samples" ] && break; sleep 0.1; done   # sampling from the start
    local t0
    t0=$(now_ms)
    echo "$t0 start" >"$dir/events"
    echo "$t0 cpu_ticks $(cpu_ticks)" >>"$dir/events"
    wrk_run "$dir" "$kind" "$users" "$hard" "$url"
    if [ $# -gt 0 ]; then
        "$@" "$s" "$t0" "$dir"
        # the end: the window's, or POST seconds after the fault's end if that is later
        local fe end
        fe=$(grep ' fault_end' "$dir/events" | tail -1 | cut -d' ' -f1 || true)   # (mawk cannot print ms times)
        fe=${fe:-0}
        end=$((t0 + win * 1000))
        [ "$fe" -gt 0 ] && [ $((fe + POST * 1000)) -gt "$end" ] && end=$((fe + POST * 1000))
        sleep_until "$end"
        echo "$(now_ms) stop" >>"$dir/events"
        kill -INT "$WRK_PID" 2>/dev/null || true     # wrk stops at once and writes its totals
    fi
    wait "$WRK_PID" || echo "$(now_ms) wrk_exit $?" >>"$dir/events"
    echo "$(now_ms) end" >>"$dir/events"
    echo "$(now_ms) cpu_ticks $(cpu_ticks)" >>"$dir/events"
    kill -TERM "$sampler" 2>/dev/null || true
    wait "$sampler" || true
    snapshot "$s" "$dir/snapshots" after
    python3 "$BENCH/analyze.py" line "$dir" | sed "s/^/[$(elapsed)]   /"
}

# injectors: STACK T0 DIR (appended by measure); events are "<ms> fault_start|fault_end <what>"
inject_stop_start() { # c: stop the API at FS_C (the fault starts when it refuses), start it at FE_C
    local s=$1 t0=$2 dir=$3 port=${API_PORT[$1]}
    sleep_until $((t0 + FS_C * 1000))
    echo "$(now_ms) api_stop" >>"$dir/events"
    # the fault starts when a connection is refused (curl exit 7); watched while the stop runs
    ( deadline=$((SECONDS + 60))
      until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null; [ $? = 7 ]; do
          [ $SECONDS -lt $deadline ] || exit 0
          sleep 0.05
      done
      echo "$(now_ms) fault_start api refuses connections" >>"$dir/events" ) &
    BG_PIDS+=($!)
    local refusal=$!
    stop_api "$s"
    echo "$(now_ms) api_gone" >>"$dir/events"
    wait "$refusal" || true
    sleep_until $((t0 + FE_C * 1000))
    echo "$(now_ms) api_restart" >>"$dir/events"
    # the fault ends at the first answer of /rng while the API starts (bounded: 120 s)
    ( deadline=$((SECONDS + 120))
      until [ "$(http_code "http://127.0.0.1:$port/rng" 1)" = 200 ]; do
          [ $SECONDS -lt $deadline ] || exit 0
          sleep 0.1
      done
      echo "$(now_ms) fault_end api answers again" >>"$dir/events" ) &
    BG_PIDS+=($!)
    local watcher=$!
    start_api "$s" "$port" 0 nowait
    wait "$watcher" || true
}
inject_budget() { # b: if the bug has not struck by the middle of the window, spend the API's budget
    local s=$1 t0=$2 dir=$3 port=${API_PORT[$1]} round=0 ready=/health/ready
    [ "$s" = peer ] && ready=${READY_PATH[peer]}
    sleep_until $((t0 + WIN_F * 500))
    [ "$(http_code "http://127.0.0.1:$port$ready" 1)" = 200 ] || return 0
    echo "$(now_ms) budget_burst direct /rng until the bug strikes" >>"$dir/events"
    while [ "$(http_code "http://127.0.0.1:$port$ready" 1)" = 200 ] && [ $round -lt 30 ]; do
        timeout 10 wrk -t 4 -c 16 -d 1s "http://127.0.0.1:$port/rng" >>"$dir/budget-burst.out" 2>&1 || true
        round=$((round + 1))
    done
    echo "$(now_ms) budget_burst_end after $round s" >>"$dir/events"
}
inject_sigstop() { # d-stop, f: SIGSTOP the API's JVM at FS_F, SIGCONT at FE_F
    local s=$1 t0=$2 dir=$3 pid=${API_PID[$1]}
    sleep_until $((t0 + FS_F * 1000))
    kill -STOP "$pid"
    echo "$(now_ms) fault_start SIGSTOP api pid $pid" >>"$dir/events"
    sleep_until $((t0 + FE_F * 1000))
    kill -CONT "$pid"
    echo "$(now_ms) fault_end SIGCONT" >>"$dir/events"
}
inject_proxy() { # d-stall (hang), e (delay MS): switch the proxy at FS_F, back to pass at FE_F
    local mode=("${@:1:$#-3}")
    local s=${*: -3:1} t0=${*: -2:1} dir=${*: -1:1}
    sleep_until $((t0 + FS_F * 1000))
    proxy_mode "$s" "${mode[@]}"
    echo "$(now_ms) fault_start proxy ${mode[*]}" >>"$dir/events"
    sleep_until $((t0 + FE_F * 1000))
    proxy_mode "$s" pass
    echo "$(now_ms) fault_end proxy pass" >>"$dir/events"
}

# ------------------------------------------------------------------------------------- the runs
run_a() {
    local s=$1 kind users
    for kind in rng json page; do
        warmup "$s" "$kind" 32 "$WARM_A"
        for users in "${USERS_A[@]}"; do
            measure "$s" "a-$kind-$users" "$kind" "$users" "$WIN_A"
        done
    done
}
run_b() {
    local s=$1 rate fa
    # calibrate: numbers per second the web gets at FAULT_USERS with the API healthy, just before
    warmup "$s" json "$FAULT_USERS" "$WARM_F"
    rm -rf "$WORK/cal"
    wrk_run "$WORK/cal" json "$FAULT_USERS" "$CAL" "$(url_of "$s" json)"
    wait "$WRK_PID" || true
    rate=$(python3 "$BENCH/analyze.py" rate "$WORK/cal")
    # the API answers this many calls: at that rate the bug would strike at 30 % of the window, but the
    # API restarted just before is cold: the web got 1/3 to 1/4 of the rate in full runs (2 cores), so
    # it strikes later; if it has not struck by the middle, inject_budget spends the rest
    fa=$(awk -v r="$rate" -v w="$WIN_F" 'BEGIN { f = int(r * w * 0.3); if (f < 20) f = 20; print f }')
    say "  $s: the web got $rate numbers/s; restarting the API with fail-after $fa"
    restart_api "$s" "$fa"
    settle "$s"
    measure "$s" b json "$FAULT_USERS" "$WIN_F" inject_budget
    echo "api_fail_after=$fa" >>"$RAW/$s/b/meta"
    echo "calibration_numbers_per_s=$rate" >>"$RAW/$s/b/meta"
    say "  $s: the API is broken for good now: restarting it healthy"
    restart_api "$s" 0
}
run_fault() { # STACK RUN USERS INJECTOR ARGS...
    local s=$1 run=$2 users=$3
    shift 3
    settle "$s"
    warmup "$s" json "$users" "$WARM_F"
    local win=$WIN_F
    [ "$run" = c ] && win=$WIN_C
    measure "$s" "$run" json "$users" "$win" "$@"
}

run_one() { # STACK RUN
    local s=$1 run=$2
    case $run in
        a) ensure_api_at "$s" direct; run_a "$s" ;;
        b) ensure_api_at "$s" direct; settle "$s"; run_b "$s" ;;
        c) ensure_api_at "$s" direct; run_fault "$s" c "$FAULT_USERS" inject_stop_start ;;
        d-stop) ensure_api_at "$s" direct; run_fault "$s" d-stop "$FAULT_USERS" inject_sigstop ;;
        f) ensure_api_at "$s" direct; run_fault "$s" f "$SAT_USERS" inject_sigstop ;;
        d-stall) ensure_api_at "$s" proxied; run_fault "$s" d-stall "$FAULT_USERS" inject_proxy hang ;;
        e-*) ensure_api_at "$s" proxied; run_fault "$s" "$run" "$FAULT_USERS" inject_proxy delay "${run#e-}" ;;
    esac
}

# ------------------------------------------------------------------------------------------- main
mkdir -p "$RAW"
WORK=$(mktemp -d /tmp/numbers-load.XXXXXX)
{
    echo "date: $(date '+%F %T %Z')"
    echo "host: $(uname -n) $(uname -sr)"
    echo "cpu: $(nproc) x $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
    echo "heap: ${HEAP_OPTS[*]}"
    echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2 || true)"
    echo "git: $(git rev-parse --short HEAD 2>/dev/null) $(git status --short -- numbers-api-war numbers-web-war src 2>/dev/null | wc -l) changed files in the services"
    echo "mode: $([ "$QUICK" = 1 ] && echo quick || echo full)"
    echo "runs: ${RUNS[*]}"
} >"$RAW/machine.txt"

ACTIVE=()
for s in "${STACK_LIST[@]}"; do
    mkdir -p "$RAW/$s"
    if [ "$s" = numbers ]; then
        prepare_numbers
        ACTIVE+=(numbers)
    elif prepare_peer; then
        ACTIVE+=(peer)
    else
        echo "" >&2
        echo "load.sh: ********************************************************************" >&2
        echo "load.sh: THE PEER IS MISSING: no $PEER_API_JAR / $PEER_WEB_JAR" >&2
        echo "load.sh: (its build failed or is not there yet: $RAW/peer-build.log); running numbers only" >&2
        echo "load.sh: ********************************************************************" >&2
        echo "peer: MISSING (no jars)" >>"$RAW/machine.txt"
    fi
done
[ ${#ACTIVE[@]} -gt 0 ] || die "nothing to run"
STACK_LIST=("${ACTIVE[@]}")
echo "stacks: ${STACK_LIST[*]}" >>"$RAW/machine.txt"

for s in "${STACK_LIST[@]}"; do
    say "starting $s: API on ${API_PORT[$s]}, web on ${WEB_PORT[$s]} (${HEAP_OPTS[*]})"
    t=$SECONDS
    start_api "$s" "${API_PORT[$s]}" 0
    API_AT[$s]=direct
    start_web "$s"
    if [ "$s" = peer ]; then
        wait_answering "http://127.0.0.1:${WEB_PORT[$s]}/health/live" 120 || die "the peer's web does not answer"
        detect_peer_health
    fi
    wait_http_200 "http://127.0.0.1:${WEB_PORT[$s]}${READY_PATH[$s]}" 120 || die "$s web not ready within 120 s"
    say "  $s ready in $((SECONDS - t)) s"
    snapshot "$s" "$RAW/$s/snapshots-ready" ready
done

for run in "${RUNS[@]}"; do
    for s in "${STACK_LIST[@]}"; do
        t=$SECONDS
        say "$run on $s"
        run_one "$s" "$run"
        say "$run on $s: $((SECONDS - t)) s"
    done
done

for s in "${STACK_LIST[@]}"; do
    snapshot "$s" "$RAW/$s/snapshots-ready" end
done
say "analysing"
python3 "$BENCH/analyze.py" report "$OUT" || echo "load.sh: the analysis failed; the raw data is in $RAW" >&2
say "done in $(elapsed): ${OUT#"$ROOT"/}/results.md"
