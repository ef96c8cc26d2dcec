#!/usr/bin/env bash
# Container lifecycle benchmark: the images of an older commit ('old') and of the working tree ('new'),
# side by side in one run on the real Docker engine, measured alternately (old, new, old, new, ...).
#
#   bench/lifecycle.sh [--old REV] [--runs N] [--idle-seconds S] [--only LIST] [--no-build] [--force] [--out DIR]
#
#   --old REV          the old stack's commit (default: the newest tag reachable from HEAD~1, else HEAD~1);
#                      built from a temporary `git worktree` with that commit's own docker-compose.yml
#   --runs N           runs per figure and stack (default 3); the table shows median (min-max)
#   --idle-seconds S   idle window of the CPU figure (default 300)
#   --only LIST        any of floor,healthy,compose,bug,idle,tick (default: all; bug brings the stack up
#                      with `compose up`, so it also records the compose figures)
#   --no-build         use the existing numbers/numbers-{api,web}:lc-old and :lc-new images
#   --force            remove lc-* containers and lc-old/lc-new compose projects left by an earlier run
#   --out DIR          results directory (default bench/results/lifecycle-<UTC date-time>)
#
# Figures: (1) floor: `docker run --no-healthcheck` of the API image to its first /health/ready 200;
# (2) `docker run` to `healthy`; (3) `docker compose up -d` to both services healthy, the web's
# RestartCount, and that time over the floor; (4) the bug: from the first non-200 of /rng to the API
# `unhealthy`, stopped by its own health check, and a fresh API serving /rng again; (5) idle CPU of the
# API with and without its HEALTHCHECK (cgroup), four containers idling at once; (6) CPU per health
# check tick (20 x docker exec of the image's HEALTHCHECK command, and of a no-op for the exec's own
# share). About 30 min with the defaults (idle alone: runs x (S + ~60 s)), plus the builds.
#
# Only loopback ports (base 9780, or LC_PORT_BASE; ten ports) and the project's own containers, named
# lc-*; every wait has a deadline; everything started here (containers, both compose projects, the
# worktree) is removed on exit, also on Ctrl-C or a failure. The images lc-old/lc-new are kept (for
# --no-build). Results: results.md (also printed), raw.csv, meta.txt, logs/. Exit status: 0 done,
# 2 usage or a busy machine (ports, leftovers), 1 a failure.
set -Eeuo pipefail
export LC_ALL=C
CALLER_DIR=$PWD
cd "$(dirname "$0")/.."
ROOT=$PWD
HELPER=$ROOT/bench/lifecycle/lifecycle.py

# ---------------------------------------------------------------------------------------------- options
OLD=
RUNS=3
IDLE=300
ONLY=floor,healthy,compose,bug,idle,tick
BUILD=1
FORCE=0
OUT=
usage() { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad() { echo "lifecycle.sh: $* (usage: bench/lifecycle.sh -h)" >&2; exit 2; }
need() { [ $# -ge 2 ] && [ -n "$2" ] || bad "$1 needs a value"; }
while [ $# -gt 0 ]; do
    case $1 in
        --old) need "$@"; OLD=$2; shift ;;
        --old=*) OLD=${1#*=} ;;
        --runs) need "$@"; RUNS=$2; shift ;;
        --runs=*) RUNS=${1#*=} ;;
        --idle-seconds) need "$@"; IDLE=$2; shift ;;
        --idle-seconds=*) IDLE=${1#*=} ;;
        --only) need "$@"; ONLY=$2; shift ;;
        --only=*) ONLY=${1#*=} ;;
        --no-build) BUILD=0 ;;
        --force) FORCE=1 ;;
        --out) need "$@"; OUT=$2; shift ;;
        --out=*) OUT=${1#*=} ;;
        -h|--help) usage; exit 0 ;;
        *) bad "unknown option $1" ;;
    esac
    shift
done
[[ $RUNS =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 50 ] || bad "--runs takes 1 to 50, not '$RUNS'"
[[ $IDLE =~ ^[0-9]+$ ]] && [ "$IDLE" -ge 5 ] && [ "$IDLE" -le 7200 ] || bad "--idle-seconds takes 5 to 7200, not '$IDLE'"
IFS=, read -r -a ONLY_LIST <<<"$ONLY"
[ ${#ONLY_LIST[@]} -gt 0 ] || bad "--only needs at least one of floor,healthy,compose,bug,idle,tick"
for f in "${ONLY_LIST[@]}"; do
    case $f in floor|healthy|compose|bug|idle|tick) ;; *) bad "--only: unknown figure '$f' (floor,healthy,compose,bug,idle,tick)" ;; esac
done
want() { [[ ",$ONLY," == *",$1,"* ]]; }

# ------------------------------------------------------------------------------------------- settings
STACKS=(old new)
BASE=${LC_PORT_BASE:-9780}
[[ $BASE =~ ^[0-9]+$ ]] && [ "$BASE" -ge 1024 ] && [ "$BASE" -le 65500 ] || bad "LC_PORT_BASE takes 1024 to 65500, not '$BASE'"
declare -A C_API_PORT=([old]=$BASE [new]=$((BASE + 2))) C_WEB_PORT=([old]=$((BASE + 1)) [new]=$((BASE + 3))) \
    SOLO_PORT=([old]=$((BASE + 4)) [new]=$((BASE + 5))) \
    IDLE_HC_PORT=([old]=$((BASE + 6)) [new]=$((BASE + 8))) IDLE_NOHC_PORT=([old]=$((BASE + 7)) [new]=$((BASE + 9)))
FLOOR_BOUND=120
HEALTHY_BOUND=180
COMPOSE_BOUND=240
UNHEALTHY_BOUND=120
SERVING_BOUND=180
DOWN_BOUND=120
BUILD_BOUND=1800
SETTLE=10
TICKS=20
LABEL=dev.numbers.bench.lifecycle
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
STAMP=$(date -u +%Y-%m-%d-%H%M%S)
OUT=${OUT:-$ROOT/bench/results/lifecycle-$STAMP}
[[ $OUT == /* ]] || OUT=$CALLER_DIR/$OUT
T_START=$SECONDS

elapsed() { local s=$((SECONDS - T_START)); printf '%02d:%02d' $((s / 60)) $((s % 60)); }
say() { printf '[%s] %s\n' "$(elapsed)" "$*"; }
die() { echo "lifecycle.sh: $*" >&2; exit 1; }
secs() { awk -v d="$1" 'BEGIN { printf "%.2f", d / 1e6 }'; }   # microseconds -> "12.34"
dk() { timeout --foreground "${DK_BOUND:-60}" docker "$@"; }  # every docker call is bounded
# pace START_US PERIOD_US: sleep what is left of the period that started at START_US (no fork but sleep)
pace() {
    local rem=$(($1 + $2 - ${EPOCHREALTIME/./})) d
    if [ "$rem" -gt 0 ]; then
        printf -v d '%d.%06d' $((rem / 1000000)) $((rem % 1000000))
        sleep "$d"
    fi
}

# -------------------------------------------------------------------------------------------- checks
for tool in docker git curl python3 awk timeout; do
    command -v "$tool" >/dev/null || { echo "lifecycle.sh: $tool is missing" >&2; exit 2; }
done
dk info >/dev/null 2>&1 || die "no Docker engine answers (docker info); start one (as root: .ci/install-docker.sh)"
dk compose version >/dev/null 2>&1 || die "docker compose (v2) is missing: see .ci/install-docker.sh"
git rev-parse --git-dir >/dev/null 2>&1 || die "not in a git repository"
if [ -z "$OLD" ]; then
    OLD=$(git describe --tags --abbrev=0 HEAD~1 2>/dev/null) || OLD=HEAD~1
fi
OLD_SHA=$(git rev-parse --verify -q "$OLD^{commit}") || bad "--old: '$OLD' is not a commit"
OLD_SHORT=$(git rev-parse --short "$OLD_SHA")
NEW_SHORT=$(git rev-parse --short HEAD)
NEW_DIRTY=
if ! git diff --quiet HEAD -- 2>/dev/null; then NEW_DIRTY=" dirty ($(git diff --name-only HEAD -- | wc -l) changed tracked files"; fi
UNTRACKED=$(git ls-files --others --exclude-standard | wc -l)
if [ -n "$NEW_DIRTY" ]; then NEW_DIRTY="$NEW_DIRTY, $UNTRACKED untracked)"
elif [ "$UNTRACKED" -gt 0 ]; then NEW_DIRTY=" dirty ($UNTRACKED untracked files)"; fi

# the base images: the caller's, else the registry-less ones of docker/build-base-images.sh if present
if [ -z "${MAVEN_IMAGE:-}" ] && dk image inspect numbers-base/maven:17 >/dev/null 2>&1; then export MAVEN_IMAGE=numbers-base/maven:17; fi
if [ -z "${JRE_IMAGE:-}" ] && dk image inspect numbers-base/jre:17 >/dev/null 2>&1; then export JRE_IMAGE=numbers-base/jre:17; fi

leftover_containers() { dk ps -a --format '{{.Names}}' | grep '^lc-' || true; }
leftover_projects() {
    local p
    for p in lc-old lc-new; do
        if [ -n "$(dk ps -aq --filter "label=com.docker.compose.project=$p")$(dk network ls -q --filter "label=com.docker.compose.project=$p")" ]; then
            echo "$p"
        fi
    done
}
left=$(leftover_containers | paste -sd' ')
projects=$(leftover_projects | paste -sd' ')
if [ -n "$left$projects" ]; then
    if [ "$FORCE" = 1 ]; then
        echo "lifecycle.sh: --force: removing containers ${left:-none} and compose projects ${projects:-none}"
        for c in $left; do dk rm -f "$c" >/dev/null 2>&1 || true; done
        for p in $projects; do
            DK_BOUND=$DOWN_BOUND dk compose -p "$p" down -v --remove-orphans --timeout 5 >/dev/null 2>&1 || true
            for n in $(dk network ls -q --filter "label=com.docker.compose.project=$p"); do dk network rm "$n" >/dev/null 2>&1 || true; done
        done
        [ -z "$(leftover_containers)$(leftover_projects)" ] || die "--force: could not remove every lc-* container or lc-old/lc-new project"
    else
        echo "lifecycle.sh: already there: containers ${left:-none}, compose projects ${projects:-none} (an earlier run?); remove them or run with --force" >&2
        exit 2
    fi
fi

ports=("${SOLO_PORT[old]}" "${SOLO_PORT[new]}")      # the warm-up's, always
if want compose || want bug; then ports+=("${C_API_PORT[old]}" "${C_WEB_PORT[old]}" "${C_API_PORT[new]}" "${C_WEB_PORT[new]}"); fi
if want idle; then ports+=("${IDLE_HC_PORT[old]}" "${IDLE_NOHC_PORT[old]}" "${IDLE_HC_PORT[new]}" "${IDLE_NOHC_PORT[new]}"); fi
for p in "${ports[@]}"; do
    holder=$(dk ps --filter "publish=$p" --format '{{.Names}}' | head -1)
    [ -z "$holder" ] || { echo "lifecycle.sh: port $p is taken by container $holder; stop it or set LC_PORT_BASE" >&2; exit 2; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        echo "lifecycle.sh: port $p on 127.0.0.1 is taken by a process; stop it or set LC_PORT_BASE" >&2
        exit 2
    fi
done

# ------------------------------------------------------------------------ cleanup (also on Ctrl-C)
OWN=0                 # set once the checks passed: from then on lc-old/lc-new and lc-* are this run's
CREATED=()            # containers started with docker run, by name
declare -A UP=()      # compose projects brought up
WT_DIR=
declare -A COMPOSE_FILE_OF=([new]=$ROOT/docker-compose.yml) HC_JSON=()
cleanup() {
    local rc=$? c s
    trap - EXIT
    trap '' INT TERM
    set +e
    if [ "$OWN" = 1 ]; then
        [ "$rc" = 0 ] || echo "lifecycle.sh: removing what this run started (exit $rc)" >&2
        for c in "${CREATED[@]}"; do dk rm -f "$c" >/dev/null 2>&1; done
        for c in $(dk ps -aq --filter "label=$LABEL=$RUN_ID" 2>/dev/null); do dk rm -f "$c" >/dev/null 2>&1; done
        for s in "${STACKS[@]}"; do
            [ -n "${UP[$s]:-}" ] || [ -n "$(dk ps -aq --filter "label=com.docker.compose.project=lc-$s" 2>/dev/null)" ] || continue
            compose_down "$s" >/dev/null 2>&1 || echo "lifecycle.sh: docker compose -p lc-$s down -v did not finish within $DOWN_BOUND s" >&2
        done
    fi
    if [ -n "$WT_DIR" ]; then
        git worktree remove --force "$WT_DIR/old" >/dev/null 2>&1
        rm -rf "$WT_DIR"
        git worktree prune >/dev/null 2>&1
    fi
    [ "$OWN" = 1 ] && [ -d "$OUT" ] && echo "lifecycle.sh: results in ${OUT#"$ROOT"/}"
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "lifecycle.sh: interrupted" >&2; exit 130' INT TERM
trap 'echo "lifecycle.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
OWN=1

# ------------------------------------------------------------------------------------------ records
RAW=$OUT/raw.csv
LOGS=$OUT/logs
mkdir -p "$LOGS"
echo "stage,stack,run,metric,value" >"$RAW"
meta() { echo "$1: $2" >>"$OUT/meta.txt"; }
# rec STAGE STACK RUN METRIC VALUE [TEXT]: one raw value, and one printed line
rec() {
    echo "$1,$2,$3,$4,$5" >>"$RAW"
    [ -z "${6:-}" ] || say "  $2 #$3: $6"
}

# wait_fail WHAT STACK BOUND [CONTAINER...]: the one line, plus what the engine saw, in the logs folder
wait_fail() {
    local what=$1 s=$2 bound=$3 f c
    shift 3
    f=$LOGS/timeout-$s-$(date +%H%M%S).log
    {
        echo "timed out: $what on $s ($bound s)"
        for c in "$@"; do
            echo "== $c: $(dk inspect -f '{{.State.Status}} exit={{.State.ExitCode}} restarts={{.RestartCount}} health={{if .State.Health}}{{.State.Health.Status}}{{end}}' "$c" 2>&1)"
            dk logs --tail 30 "$c" 2>&1
        done
    } >"$f" 2>&1
    die "timed out: $what on the $s stack (bound $bound s); what the engine saw: ${f#"$ROOT"/}"
}
gone_fail() { # WHAT STACK CONTAINER: the container stopped while we waited for it
    local f=$LOGS/stopped-$3.log
    dk logs --tail 60 "$3" >"$f" 2>&1 || true
    die "$1 on the $2 stack: container $3 is $(dk inspect -f '{{.State.Status}} (exit {{.State.ExitCode}})' "$3" 2>/dev/null || echo gone); its log: ${f#"$ROOT"/}"
}

http_code() { curl -s -o /dev/null -w '%{http_code}' -m "${2:-1}" "$1" 2>/dev/null || true; }
state_of() { dk inspect -f '{{.State.Status}}' "$1" 2>/dev/null || echo gone; }
# status_health CONTAINER: "running healthy", "exited none", "gone gone"...
status_health() {
    dk inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1" 2>/dev/null || echo "gone gone"
}

# run_api NAME STACK PORT hc|nohc|off: the API image, published on loopback only. nohc: without
# Docker's health check; off: also without the server's file-based health (its self-checks are part of
# what health checking costs, so the idle figure's 'without' is off; an image that does not know the
# variable ignores it).
run_api() {
    local args=(run -d --name "$1" --label "$LABEL=$RUN_ID" -p "127.0.0.1:$3:9080")
    [ "$4" = nohc ] && args+=(--no-healthcheck)
    [ "$4" = off ] && args+=(--no-healthcheck -e MP_HEALTH_CHECK_INTERVAL=0)
    CREATED+=("$1")
    local err
    err=$(dk "${args[@]}" "numbers/numbers-api:lc-$2" 2>&1 >/dev/null) ||
        die "docker run of $1 (numbers/numbers-api:lc-$2) failed: $(tail -1 <<<"$err")"
}
rm_container() { dk rm -f "$1" >/dev/null 2>&1 || true; }

# wait_ready NAME STACK PORT T0_US BOUND WHAT: polls /health/ready every 50 ms; sets READY_US
wait_ready() {
    local name=$1 s=$2 url=http://127.0.0.1:$3/health/ready t0=$4 bound=$5 what=$6 i=0 it
    while :; do
        it=${EPOCHREALTIME/./}
        [ "$(http_code "$url")" = 200 ] && break
        [ $((it - t0)) -lt $((bound * 1000000)) ] || wait_fail "$what" "$s" "$bound" "$name"
        i=$((i + 1))
        if [ $((i % 20)) = 0 ] && [ "$(state_of "$name")" != running ]; then gone_fail "$what" "$s" "$name"; fi
        pace "$it" 50000
    done
    READY_US=${EPOCHREALTIME/./}
}
# wait_healthy NAME STACK T0_US BOUND WHAT: polls the health status every 100 ms; sets HEALTHY_US
wait_healthy() {
    local name=$1 s=$2 t0=$3 bound=$4 what=$5 st h it
    while :; do
        it=${EPOCHREALTIME/./}
        read -r st h <<<"$(status_health "$name")"
        [ "$h" = healthy ] && break
        [ "$h" != none ] || die "$what on the $s stack: $name has no health check"
        [ "$st" = running ] || gone_fail "$what" "$s" "$name"
        [ $((it - t0)) -lt $((bound * 1000000)) ] || wait_fail "$what" "$s" "$bound" "$name"
        pace "$it" 100000
    done
    HEALTHY_US=${EPOCHREALTIME/./}
}

# ------------------------------------------------------------------------------ cgroup CPU time
CG_VERSION=$(dk info -f '{{.CgroupVersion}}' 2>/dev/null || echo '?')
CG_DRIVER=$(dk info -f '{{.CgroupDriver}}' 2>/dev/null || echo '?')
# cg_file CONTAINER: the file holding the container's CPU time (v1 cpuacct.usage in ns, v2 cpu.stat)
cg_file() {
    local id pid f line path
    id=$(dk inspect -f '{{.Id}}' "$1")
    for f in /sys/fs/cgroup/cpu,cpuacct/docker/$id/cpuacct.usage /sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage \
        /sys/fs/cgroup/cpuacct,cpu/docker/$id/cpuacct.usage \
        /sys/fs/cgroup/cpu,cpuacct/system.slice/docker-$id.scope/cpuacct.usage \
        /sys/fs/cgroup/cpuacct/system.slice/docker-$id.scope/cpuacct.usage \
        /sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat /sys/fs/cgroup/docker/$id/cpu.stat; do
        [ -r "$f" ] && { echo "$f"; return 0; }
    done
    # elsewhere (a nested engine, another parent): where the container's first process says it is
    pid=$(dk inspect -f '{{.State.Pid}}' "$1")
    if [ "$pid" -gt 0 ] && [ -r "/proc/$pid/cgroup" ]; then
        line=$(grep -E '^[0-9]+:([^:]*,)?cpuacct(,[^:]*)?:' "/proc/$pid/cgroup" | head -1 || true)
        if [ -n "$line" ]; then
            path=${line#*:*:}
            for f in /sys/fs/cgroup/cpu,cpuacct$path/cpuacct.usage /sys/fs/cgroup/cpuacct$path/cpuacct.usage \
                /sys/fs/cgroup/cpuacct,cpu$path/cpuacct.usage; do
                [ -r "$f" ] && { echo "$f"; return 0; }
            done
        fi
        line=$(grep '^0::' "/proc/$pid/cgroup" | head -1 || true)
        if [ -n "$line" ] && [ -r "/sys/fs/cgroup/${line#0::}/cpu.stat" ] && [ -e /sys/fs/cgroup/cgroup.controllers ]; then
            echo "/sys/fs/cgroup/${line#0::}/cpu.stat"; return 0
        fi
    fi
    return 1
}
cg_ns() { # FILE: CPU time in ns
    case $1 in
        *cpuacct.usage) cat "$1" ;;
        *) awk '$1 == "usage_usec" { printf "%.0f\n", $2 * 1000 }' "$1" ;;
    esac
}
cg_need() { # CONTAINER STACK: sets CG_FILE, or one line and exit
    CG_FILE=$(cg_file "$1") || die "no cgroup CPU file for container $1 on the $2 stack: neither cgroup v1 (/sys/fs/cgroup/cpu,cpuacct/docker/<id>/cpuacct.usage) nor v2 (/sys/fs/cgroup/system.slice/docker-<id>.scope/cpu.stat) is readable here"
}

# -------------------------------------------------------------------------------------- compose
compose() { # STACK ARGS...: the stack's own compose file, project, tag and ports; each stack's own defaults
    local s=$1
    shift
    env -u NUMBERS_API_FAIL_AFTER -u NUMBERS_API_STOP_AFTER -u NUMBERS_WEB_DEPENDENCY_WAIT -u COMPOSE_FILE \
        -u COMPOSE_PROJECT_NAME NUMBERS_TAG="lc-$s" NUMBERS_API_PORT="${C_API_PORT[$s]}" NUMBERS_WEB_PORT="${C_WEB_PORT[$s]}" \
        timeout --foreground "${DK_BOUND:-60}" docker compose -p "lc-$s" -f "${COMPOSE_FILE_OF[$s]}" "$@"
}
compose_down() {
    local s=$1
    if [ -f "${COMPOSE_FILE_OF[$s]:-}" ]; then
        DK_BOUND=$DOWN_BOUND compose "$s" down -v --remove-orphans --timeout 10 >>"$LOGS/compose-$s.log" 2>&1 || return 1
    else
        DK_BOUND=$DOWN_BOUND dk compose -p "lc-$s" down -v --remove-orphans --timeout 10 >>"$LOGS/compose-$s.log" 2>&1 || return 1
    fi
    UP[$s]=
}

# ------------------------------------------------------------------------------------------ header
mkdir -p "$OUT"
: >"$OUT/meta.txt"
meta date "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
meta machine "$(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), Docker $(dk version -f '{{.Server.Version}}' 2>/dev/null), $(dk compose version --short 2>/dev/null | sed 's/^/compose /'), cgroup v$CG_VERSION ($CG_DRIVER), load $(cut -d' ' -f1-3 /proc/loadavg)"
meta old "$OLD = $OLD_SHORT ($(git log -1 --format=%s "$OLD_SHA" | cut -c1-80))"
meta new "working tree on $NEW_SHORT${NEW_DIRTY}"
meta runs "$RUNS"
meta "idle seconds" "$IDLE"
meta stages "$ONLY"
meta "base images" "MAVEN_IMAGE=${MAVEN_IMAGE:-default} JRE_IMAGE=${JRE_IMAGE:-default}"
others=$(dk ps --format '{{.Names}}' | grep -v '^lc-' | paste -sd' ' || true)
meta "other containers at start" "$(wc -w <<<"$others")${others:+ ($others)}"
say "lifecycle: old = $OLD ($OLD_SHORT), new = working tree on $NEW_SHORT${NEW_DIRTY}; runs $RUNS, idle $IDLE s, figures $ONLY"
say "results: ${OUT#"$ROOT"/}"
[ -z "$others" ] || say "note: other containers are running ($others); they share the CPU with the measurements"

stage_start() { STAGE=$1; STAGE_T=$SECONDS; say "== $1"; }
stage_end() { meta "stage $STAGE" "$((SECONDS - STAGE_T)) s"; say "== $STAGE: $((SECONDS - STAGE_T)) s"; }

# ------------------------------------------------------------------------------------ worktree, build
WT_DIR=$(mktemp -d /tmp/numbers-lifecycle.XXXXXX)
git worktree add --detach "$WT_DIR/old" "$OLD_SHA" >"$LOGS/worktree.log" 2>&1 ||
    die "git worktree add of $OLD ($OLD_SHORT) failed: $(tail -1 "$LOGS/worktree.log")"
COMPOSE_FILE_OF[old]=$WT_DIR/old/docker-compose.yml
[ -f "${COMPOSE_FILE_OF[old]}" ] || die "$OLD ($OLD_SHORT) has no docker-compose.yml"

images_of() { echo "numbers/numbers-api:lc-$1 numbers/numbers-web:lc-$1"; }
if [ "$BUILD" = 1 ]; then
    stage_start build
    for s in "${STACKS[@]}"; do
        say "building the $s images (MAVEN_IMAGE=${MAVEN_IMAGE:-default}, JRE_IMAGE=${JRE_IMAGE:-default})"
        t=$SECONDS
        DK_BOUND=$BUILD_BOUND compose "$s" build >"$LOGS/build-$s.log" 2>&1 ||
            die "the $s images did not build (exit $?; last line: $(tail -1 "$LOGS/build-$s.log" | cut -c1-160); log: ${LOGS#"$ROOT"/}/build-$s.log)"
        rec build "$s" 1 build_s $((SECONDS - t)) "built in $((SECONDS - t)) s"
    done
    stage_end
fi
for s in "${STACKS[@]}"; do
    for image in $(images_of "$s"); do
        dk image inspect "$image" >/dev/null 2>&1 ||
            die "image $image is missing$([ "$BUILD" = 1 ] && echo " after the build (does that docker-compose.yml name its images numbers/...:\${NUMBERS_TAG}?)" || echo "; run without --no-build")"
    done
done
ids() { local i; for i in $(images_of "$1"); do dk image inspect -f '{{.Id}}' "$i" | cut -c8-19; done | paste -sd' '; }
rebuilt=$([ "$BUILD" = 1 ] || echo ' (not rebuilt)')
meta images "old api/web $(ids old)$rebuilt / new api/web $(ids new)$rebuilt"
for s in "${STACKS[@]}"; do
    HC_JSON[$s]=$(dk image inspect -f '{{json .Config.Healthcheck}}' "numbers/numbers-api:lc-$s")
    desc=$(python3 "$HELPER" hc-desc "${HC_JSON[$s]}")
    meta "hc $s" "${desc%%;*}"
    meta "healthcheck $s" "${desc#*; }"
    say "$s API image HEALTHCHECK: $desc"
done

# ------------------------------------------------------------------------------- 1. floor
floor_one() { # STACK RUN
    local s=$1 r=$2 name=lc-$1-floor-$2 t0
    t0=${EPOCHREALTIME/./}
    run_api "$name" "$s" "${SOLO_PORT[$s]}" nohc
    wait_ready "$name" "$s" "${SOLO_PORT[$s]}" "$t0" "$FLOOR_BOUND" "floor: docker run to /health/ready 200"
    rec floor "$s" "$r" floor_s "$(secs $((READY_US - t0)))" "docker run → ready $(secs $((READY_US - t0))) s"
    rm_container "$name"
}

# ------------------------------------------------------------------------------- 2. healthy
healthy_one() {
    local s=$1 r=$2 name=lc-$1-healthy-$2 t0
    t0=${EPOCHREALTIME/./}
    run_api "$name" "$s" "${SOLO_PORT[$s]}" hc
    wait_healthy "$name" "$s" "$t0" "$HEALTHY_BOUND" "docker run to healthy"
    rec healthy "$s" "$r" healthy_s "$(secs $((HEALTHY_US - t0)))" "docker run → healthy $(secs $((HEALTHY_US - t0))) s"
    rm_container "$name"
}

# ------------------------------------------------------------------- 3. compose up, 4. the bug
compose_one() { # STACK RUN
    local s=$1 r=$2 t0 api web it h_api h_web t_api= t_web= t_both= restarts
    t0=${EPOCHREALTIME/./}
    UP[$s]=1
    DK_BOUND=$COMPOSE_BOUND compose "$s" up -d --no-build --pull never >>"$LOGS/compose-$s.log" 2>&1 ||
        die "docker compose up -d on the $s stack failed: $(tail -1 "$LOGS/compose-$s.log" | cut -c1-160)"
    api=$(compose "$s" ps -aq numbers-api)
    web=$(compose "$s" ps -aq numbers-web)
    [ -n "$api" ] && [ -n "$web" ] || die "docker compose up -d on the $s stack made no numbers-api or numbers-web container"
    while :; do
        it=${EPOCHREALTIME/./}
        h_api=$(status_health "$api")
        h_web=$(status_health "$web")
        h_api=${h_api#* } h_web=${h_web#* }
        [ -z "$t_api" ] && [ "$h_api" = healthy ] && t_api=$it
        [ -z "$t_web" ] && [ "$h_web" = healthy ] && t_web=$it
        if [ "$h_api" = healthy ] && [ "$h_web" = healthy ]; then t_both=$it; break; fi
        [ "$h_api" != none ] && [ "$h_web" != none ] || die "compose up on the $s stack: a service has no health check (api $h_api, web $h_web)"
        [ $((it - t0)) -lt $((COMPOSE_BOUND * 1000000)) ] ||
            wait_fail "docker compose up -d to both healthy (api $h_api, web $h_web)" "$s" "$COMPOSE_BOUND" "$api" "$web"
        pace "$it" 100000
    done
    restarts=$(dk inspect -f '{{.RestartCount}}' "$web")
    rec compose "$s" "$r" compose_api_s "$(secs $((t_api - t0)))"
    rec compose "$s" "$r" compose_web_s "$(secs $((t_web - t0)))"
    rec compose "$s" "$r" compose_both_s "$(secs $((t_both - t0)))"
    rec compose "$s" "$r" compose_web_restarts "$restarts" \
        "compose up → API healthy $(secs $((t_api - t0))) s, web $(secs $((t_web - t0))) s, both $(secs $((t_both - t0))) s; web restarts $restarts"
    COMPOSE_API=$api
}

bug_one() { # STACK RUN: the stack is up and healthy; COMPOSE_API is its API container
    local s=$1 r=$2 api=$COMPOSE_API url=http://127.0.0.1:${C_API_PORT[$1]}/rng i code t0= it h
    local t_unhealthy= t_serving= restarts0 started finished restarts
    restarts0=$(dk inspect -f '{{.RestartCount}}' "$api")
    # /rng within 5 s, not 1: a call the client gave up on still spends the API's budget; no answer
    # (000) is a call but not the bug
    for i in $(seq 10); do
        code=$(http_code "$url" 5)
        if [ "$code" != 200 ] && [ "$code" != 000 ]; then t0=${EPOCHREALTIME/./}; break; fi
    done
    [ -n "$t0" ] || die "the bug on the $s stack: no answer other than 200 in 10 calls to /rng (last: $code; is NUMBERS_API_FAIL_AFTER above 9 there?)"
    say "  $s #$r: call $i to /rng gave $code: the bug struck"
    while :; do
        it=${EPOCHREALTIME/./}
        if [ -z "$t_unhealthy" ]; then
            h=$(dk inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}} {{.RestartCount}}' "$api" 2>/dev/null || echo "gone 0")
            if [ "${h% *}" = unhealthy ]; then
                t_unhealthy=$it
            elif [ "${h#* }" -gt "$restarts0" ] 2>/dev/null; then
                t_unhealthy=missed          # restarted between two polls: never seen unhealthy
            elif [ $((it - t0)) -ge $((UNHEALTHY_BOUND * 1000000)) ]; then
                wait_fail "from the bug to the API unhealthy" "$s" "$UNHEALTHY_BOUND" "$api"
            fi
        fi
        if [ -n "$t_unhealthy" ] && [ "$(http_code "$url" 5)" = 200 ]; then
            t_serving=${EPOCHREALTIME/./}
            break
        fi
        [ $((it - t0)) -lt $((SERVING_BOUND * 1000000)) ] ||
            wait_fail "from the bug to a fresh API serving /rng 200 (health: ${h% *})" "$s" "$SERVING_BOUND" "$api"
        pace "$it" 100000
    done
    api=$(compose "$s" ps -aq numbers-api)     # the same container restarted, or (another engine) a new one
    IFS='|' read -r started finished restarts < <(dk inspect -f '{{.State.StartedAt}}|{{.State.FinishedAt}}|{{.RestartCount}}' "$api")
    local started_us finished_us line
    started_us=$(date -d "$started" +%s%6N)
    finished_us=$(date -d "$finished" +%s%6N 2>/dev/null || echo 0)
    if [ "$t_unhealthy" = missed ]; then
        rec bug "$s" "$r" bug_unhealthy_s ""
        line="unhealthy not seen (restarted within one poll)"
    else
        rec bug "$s" "$r" bug_unhealthy_s "$(secs $((t_unhealthy - t0)))"
        line="unhealthy $(secs $((t_unhealthy - t0))) s"
    fi
    if [ "$finished_us" -gt "$t0" ] && [ "$finished_us" -le "$t_serving" ]; then
        rec bug "$s" "$r" bug_stopped_s "$(secs $((finished_us - t0)))"
        line="$line, stopped $(secs $((finished_us - t0))) s"
    fi
    rec bug "$s" "$r" bug_serving_s "$(secs $((t_serving - t0)))"
    if [ "$started_us" -gt "$t0" ]; then
        rec bug "$s" "$r" bug_fresh_start_s "$(secs $((t_serving - started_us)))"
        line="$line, serving again $(secs $((t_serving - t0))) s (fresh API: StartedAt → serving $(secs $((t_serving - started_us))) s)"
    else
        line="$line, serving again $(secs $((t_serving - t0))) s"
    fi
    rec bug "$s" "$r" bug_api_restarts "$restarts" "bug → $line; API restarts $restarts"
}

compose_bug_one() {
    local s=$1 r=$2 t
    compose_one "$s" "$r"
    if want bug; then bug_one "$s" "$r"; fi
    t=$SECONDS
    compose_down "$s" || die "docker compose -p lc-$s down -v did not finish within $DOWN_BOUND s"
    say "  $s #$r: compose down in $((SECONDS - t)) s"
}

# ------------------------------------------------------------------------------- 5. idle CPU
idle_one() { # RUN: four containers at once
    local r=$1 s kind name port t0 c
    local -A NAME T0 FILE C0 T_0 C1 T_1
    for s in "${STACKS[@]}"; do
        for kind in hc nohc; do
            name=lc-$s-idle-$kind-$r
            port=${IDLE_HC_PORT[$s]}
            [ "$kind" = nohc ] && port=${IDLE_NOHC_PORT[$s]}
            NAME[$s-$kind]=$name
            T0[$s-$kind]=${EPOCHREALTIME/./}
            run_api "$name" "$s" "$port" "${kind/nohc/off}"
        done
    done
    for s in "${STACKS[@]}"; do
        for kind in hc nohc; do
            port=${IDLE_HC_PORT[$s]}
            [ "$kind" = nohc ] && port=${IDLE_NOHC_PORT[$s]}
            wait_ready "${NAME[$s-$kind]}" "$s" "$port" "${T0[$s-$kind]}" "$HEALTHY_BOUND" "idle: ${NAME[$s-$kind]} ready"
        done
        wait_healthy "${NAME[$s-hc]}" "$s" "${T0[$s-hc]}" "$HEALTHY_BOUND" "idle: ${NAME[$s-hc]} healthy"
    done
    for c in "${!NAME[@]}"; do cg_need "${NAME[$c]}" "${c%-*}"; FILE[$c]=$CG_FILE; done
    say "  all four ready and the checked ones healthy; settling $SETTLE s, then idling $IDLE s"
    sleep "$SETTLE"
    for c in "${!NAME[@]}"; do C0[$c]=$(cg_ns "${FILE[$c]}"); T_0[$c]=${EPOCHREALTIME/./}; done
    t0=$SECONDS
    while [ $((SECONDS - t0)) -lt "$IDLE" ]; do
        sleep 1
        if [ $(((SECONDS - t0) % 15)) = 0 ]; then
            for c in "${!NAME[@]}"; do
                [ "$(state_of "${NAME[$c]}")" = running ] || gone_fail "idle window" "${c%-*}" "${NAME[$c]}"
            done
        fi
    done
    for c in "${!NAME[@]}"; do C1[$c]=$(cg_ns "${FILE[$c]}"); T_1[$c]=${EPOCHREALTIME/./}; done
    local pct_hc pct_nohc diff per period
    for s in "${STACKS[@]}"; do
        pct_hc=$(awk -v c=$((C1[$s-hc] - C0[$s-hc])) -v t=$((T_1[$s-hc] - T_0[$s-hc])) 'BEGIN { printf "%.4f", c / (t * 1000) * 100 }')
        pct_nohc=$(awk -v c=$((C1[$s-nohc] - C0[$s-nohc])) -v t=$((T_1[$s-nohc] - T_0[$s-nohc])) 'BEGIN { printf "%.4f", c / (t * 1000) * 100 }')
        diff=$(awk -v a="$pct_hc" -v b="$pct_nohc" 'BEGIN { printf "%.4f", a - b }')
        period=$(python3 "$HELPER" period "$(dk inspect -f '{{json .State.Health.Log}}' "${NAME[$s-hc]}")")
        rec idle "$s" "$r" idle_hc_pct "$pct_hc"
        rec idle "$s" "$r" idle_nohc_pct "$pct_nohc"
        rec idle "$s" "$r" idle_diff_pct "$diff"
        per=
        if [ -n "$period" ]; then
            rec idle "$s" "$r" idle_check_period_s "$period"
            # the difference's CPU time over the window, divided by the checks that fit in it
            per=$(awk -v d="$diff" -v w="$IDLE" -v p="$period" 'BEGIN { printf "%.2f", d / 100 * w * 1000 / (w / p) }')
            rec idle "$s" "$r" idle_per_check_ms "$per"
        fi
        say "$(printf '  %s #%s: idle CPU with checks %.3f %%, without %.3f %%, difference %.3f %% of one core' "$s" "$r" "$pct_hc" "$pct_nohc" "$diff")${per:+ (≈ $per ms per check, one every ${period} s)}"
    done
    for c in "${!NAME[@]}"; do rm_container "${NAME[$c]}"; done
}

# ------------------------------------------------------------------------ 6. CPU per health-check tick
# exec_cost CONTAINER CGFILE IDLE_NS_PER_US CMD...: docker exec CMD TICKS times, one after the other;
# sets EX_NET (ms of the container's CPU per exec, net of its idle rate), EX_RAW, EX_WALL (ms), EX_FAILS
exec_cost() {
    local name=$1 f=$2 rate=$3 c0 c1 t0 t1 i
    shift 3
    EX_FAILS=0
    c0=$(cg_ns "$f"); t0=${EPOCHREALTIME/./}
    for i in $(seq "$TICKS"); do
        DK_BOUND=30 dk exec "$name" "$@" >/dev/null 2>&1 || EX_FAILS=$((EX_FAILS + 1))
    done
    c1=$(cg_ns "$f"); t1=${EPOCHREALTIME/./}
    EX_RAW=$(awk -v c=$((c1 - c0)) -v n="$TICKS" 'BEGIN { printf "%.3f", c / n / 1e6 }')
    EX_NET=$(awk -v c=$((c1 - c0)) -v n="$TICKS" -v r="$rate" -v t=$((t1 - t0)) 'BEGIN { printf "%.3f", (c - r * t) / n / 1e6 }')
    EX_WALL=$(awk -v t=$((t1 - t0)) -v n="$TICKS" 'BEGIN { printf "%.1f", t / n / 1000 }')
}
# one_api_per_stack WHAT SUFFIX: an API container per stack without Docker's health check, started at
# once and waited for until ready; their names in SOLO[stack]
declare -A SOLO
one_api_per_stack() {
    local what=$1 suffix=$2 s
    local -A T0
    for s in "${STACKS[@]}"; do
        SOLO[$s]=lc-$s-$suffix
        T0[$s]=${EPOCHREALTIME/./}
        run_api "${SOLO[$s]}" "$s" "${SOLO_PORT[$s]}" nohc
    done
    for s in "${STACKS[@]}"; do
        wait_ready "${SOLO[$s]}" "$s" "${SOLO_PORT[$s]}" "${T0[$s]}" "$HEALTHY_BOUND" "$what: ${SOLO[$s]} ready"
    done
}

tick_one() { # RUN: one idle container per stack (no health check of Docker's), the check exec'd 20 times
    local r=$1 s name f b0 b1 tb0 tb1 rate argv=() noop
    one_api_per_stack tick "tick-$r"
    sleep "$SETTLE"
    for s in "${STACKS[@]}"; do
        name=${SOLO[$s]}
        mapfile -d '' argv < <(python3 "$HELPER" hc-argv "${HC_JSON[$s]}" || true)
        if [ ${#argv[@]} = 0 ]; then say "  $s #$r: the API image has no HEALTHCHECK command; no tick"; continue; fi
        cg_need "$name" "$s"
        f=$CG_FILE
        # the container's idle rate just before (ns per µs, over 5 s), taken out of both deltas below
        b0=$(cg_ns "$f"); tb0=${EPOCHREALTIME/./}
        sleep 5
        b1=$(cg_ns "$f"); tb1=${EPOCHREALTIME/./}
        rate=$(awk -v c=$((b1 - b0)) -v t=$((tb1 - tb0)) 'BEGIN { printf "%.6f", c / t }')
        exec_cost "$name" "$f" "$rate" "${argv[@]}"
        rec tick "$s" "$r" tick_ms "$EX_NET"
        rec tick "$s" "$r" tick_raw_ms "$EX_RAW"
        rec tick "$s" "$r" tick_wall_ms "$EX_WALL"
        local line fails=$EX_FAILS
        line=$(printf 'CPU per tick %.1f ms net of idle (%.1f raw), wall %.0f ms per exec' "$EX_NET" "$EX_RAW" "$EX_WALL")
        # the same for a no-op: the share of every exec that runs inside the container's cgroup
        exec_cost "$name" "$f" "$rate" true
        noop=
        if [ "$EX_FAILS" = 0 ]; then
            rec tick "$s" "$r" tick_noop_ms "$EX_NET"
            noop=$(printf '; a no-op exec (true) %.1f ms' "$EX_NET")
        fi
        say "  $s #$r: $line$noop (the container's cgroup only: the exec'd process, runc's part inside the container, the server's answers)$([ "$fails" = 0 ] || echo "; $fails of $TICKS checks failed")"
    done
    for s in "${STACKS[@]}"; do rm_container "${SOLO[$s]}"; done
}

# ------------------------------------------------------------------------------------------ warm-up
# Each API image started once to ready, both at once, not measured: otherwise the first container
# after a build (old #1) pays for cold caches that the others do not.
warm_up() {
    local s t=$SECONDS
    say "warm-up: each API image started once, not measured"
    one_api_per_stack warm-up warmup
    for s in "${STACKS[@]}"; do rm_container "${SOLO[$s]}"; done
    meta "stage warm-up" "$((SECONDS - t)) s"
    say "warm-up: $((SECONDS - t)) s"
}

# ------------------------------------------------------------------------------------------- main
warm_up
if want floor; then
    stage_start floor
    for r in $(seq "$RUNS"); do for s in "${STACKS[@]}"; do floor_one "$s" "$r"; done; done
    stage_end
fi
if want healthy; then
    stage_start healthy
    for r in $(seq "$RUNS"); do for s in "${STACKS[@]}"; do healthy_one "$s" "$r"; done; done
    stage_end
fi
if want compose || want bug; then
    stage_start "compose$(want bug && echo '+bug')"
    for r in $(seq "$RUNS"); do for s in "${STACKS[@]}"; do compose_bug_one "$s" "$r"; done; done
    stage_end
fi
if want idle; then
    stage_start idle
    for r in $(seq "$RUNS"); do idle_one "$r"; done
    stage_end
fi
if want tick; then
    stage_start tick
    for r in $(seq "$RUNS"); do tick_one "$r"; done
    stage_end
fi

meta "load at end" "$(cut -d' ' -f1-3 /proc/loadavg)"
say "done in $(elapsed)"
echo
python3 "$HELPER" report "$OUT"
