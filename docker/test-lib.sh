# Shared by docker/compose-test.sh, docker/load-test.sh and docker/swarm-test.sh: one line per check, bounded waits, the
# closing "N passed, N failed" count, the image build and the start-up check of the engine. Source it;
# set NAME first.
passed=0
failed=0

say() { printf '%s: %s\n' "$NAME" "$*"; }
pass() { passed=$((passed + 1)); printf '  PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*"; return 1; }
check() { # description command...
    if "${@:2}"; then pass "$1"; else fail "$1"; fi
}

# wait_until SECONDS description command... : polls every half second; prints how long it took. When
# the wait runs out it calls the script's `diagnose` (if it has one), so a red run says what it saw.
wait_until() {
    local bound=$1 what=$2 start=$SECONDS
    shift 2
    while ! "$@" >/dev/null 2>&1; do
        if [ $((SECONDS - start)) -ge "$bound" ]; then
            fail "$what: not within ${bound} s"
            if declare -F diagnose >/dev/null; then diagnose 2>&1 | sed 's/^/     | /'; fi
            return 1
        fi
        sleep 0.5
    done
    pass "$what ($((SECONDS - start)) s, bound ${bound} s)"
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1"; }
# The status of an HTTPS management request (/metrics, /ops), curl's options first (-u user:password);
# -k: each container's certificate is its own, made at its start.
management_status() { curl -sk -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }
page_says() { curl -s --max-time 5 -X POST "$WEB/" | grep -q "$1"; }

# A compose project's services, for the compose and load tests: set PROJECT, LOG (compose's own
# output) and API before calling them.
dc() { docker compose -p "$PROJECT" "$@" >>"$LOG" 2>&1; }
container() { docker compose -p "$PROJECT" ps -aq "$1" 2>/dev/null; }
health() { local id; id=$(container "$1"); [ -n "$id" ] && docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id"; }
restarts() { docker inspect -f '{{.RestartCount}}' "$(container "$1")"; }
is() { [ "$(health "$1")" = "$2" ]; }
both_healthy() { is numbers-api healthy && is numbers-web healthy; }
api_ready() { [ "$(status_of "$API/health/ready")" = 200 ]; }

summary() {
    echo "${NAME%-test}: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# build_images PROJECT: builds both images (once; later builds come from Docker's cache) and says how
# long it took; when the build fails, its last lines and the base images it tried, then exit 1.
build_images() {
    local start=$SECONDS build_log
    say "building both images (MAVEN_IMAGE=${MAVEN_IMAGE:-default}, JRE_IMAGE=${JRE_IMAGE:-default})"
    if ! build_log=$(docker compose -p "$1" build 2>&1); then
        tail -40 <<<"$build_log"
        say "the images did not build (without a registry, set MAVEN_IMAGE and JRE_IMAGE: see docker/build-base-images.sh)" >&2
        exit 1
    fi
    say "images built in $((SECONDS - start)) s"
}

# The swarm test marks the swarm it creates with this node label. A swarm that carries it and still
# exists is what a killed run left behind (a trap does not run on SIGKILL): its stack holds the host
# ports 8087 and 8088, so every later test would fail. Any other swarm is someone else's; never touch it.
SWARM_TEST_LABEL=dev.numbers.test
SWARM_TEST_STACK=numbers-swarm-test

swarm_state() { docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
swarm_is_ours() {
    [ "$(swarm_state)" = active ] &&
        [ "$(docker node inspect "$(docker info -f "{{.Swarm.NodeID}}")" -f "{{index .Spec.Labels \"$SWARM_TEST_LABEL\"}}" 2>/dev/null)" = swarm-test ]
}
leave_test_swarm() {
    docker stack rm "$SWARM_TEST_STACK" >/dev/null 2>&1
    local deadline=$((SECONDS + 60))
    while [ -n "$(docker ps -aq --filter "label=com.docker.stack.namespace=$SWARM_TEST_STACK")$(docker network ls -q --filter "label=com.docker.stack.namespace=$SWARM_TEST_STACK")" ] &&
        [ $SECONDS -lt $deadline ]; do
        sleep 1
    done
    docker swarm leave --force >/dev/null 2>&1
    # swarm init made this bridge and leaving keeps it; the next swarm init makes it again.
    docker network rm docker_gwbridge >/dev/null 2>&1 || true
}

# require_engine: exits 1 with one line unless an engine and Compose v2 answer; then removes what an
# interrupted run of the swarm test left behind.
require_engine() {
    docker info >/dev/null 2>&1 || { say "no Docker engine answers: start one (as root: .ci/install-docker.sh) and run again" >&2; exit 1; }
    docker compose version >/dev/null 2>&1 || { say "docker compose (v2) is missing: see .ci/install-docker.sh" >&2; exit 1; }
    if swarm_is_ours; then
        say "removing the swarm an interrupted swarm-test left behind"
        leave_test_swarm
    fi
}

# require_free_ports PORT... : exits 1 with one line naming the holder of a host port the test needs.
require_free_ports() {
    local port holder
    for port in "$@"; do
        holder=$(docker ps --filter "publish=$port" --format '{{.Names}}' | head -1)
        if [ -n "$holder" ]; then
            say "host port $port is taken by container $holder; stop it (or set NUMBERS_API_PORT/NUMBERS_WEB_PORT) and run again" >&2
            exit 1
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            say "host port $port is taken by a process on this machine; stop it (or set NUMBERS_API_PORT/NUMBERS_WEB_PORT) and run again" >&2
            exit 1
        fi
    done
}
