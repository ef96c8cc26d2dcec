#!/usr/bin/env bash
# Self-healing on Docker Swarm, from the same compose file, on a one-node swarm on loopback:
#   1. docker stack deploy -c docker-compose.yml -c docker-compose.swarm-local.yml: both answer; the
#      tasks are locked down as in compose (read-only root, tmpfs for the logs, no capability)
#   2. the API breaks: Swarm replaces its task, and the web gets numbers again; no one touches anything
#   3. a rolling update of the web with a broken value (an API URL that does not answer): the new task
#      fails its dependency check and Swarm rolls the service back by itself; the web serves numbers
#   4. the stack and the swarm are removed, also when a step fails
# Prints each scenario's times and a closing "N passed, N failed" line; exits 1 if anything failed or
# if no Docker engine answers. Refuses to run on an engine that is already part of a swarm, unless that
# swarm is one an interrupted run of this test left behind (it carries the test's node label): that one
# it removes first. The stack is named numbers-swarm-test, so a user's own "numbers" stack is never touched.
#
#   docker/swarm-test.sh [--no-build]
set -uo pipefail
cd "$(dirname "$0")/.."

NAME=swarm-test
# The web waits this long for the API at each start (compose default 60s): short enough that the broken
# update of scenario 3 fails within its bound, long enough that the deploy needs no restart.
export NUMBERS_WEB_DEPENDENCY_WAIT=${NUMBERS_WEB_DEPENDENCY_WAIT:-30s}
. docker/test-lib.sh
STACK=$SWARM_TEST_STACK
API=http://localhost:${NUMBERS_API_PORT:-8087}
WEB=http://localhost:${NUMBERS_WEB_PORT:-8088}

require_engine
if [ "$(swarm_state)" != inactive ]; then
    say "this engine is already part of a swarm ($(swarm_state)); run the test on an engine of its own, or leave it (docker swarm leave --force)" >&2
    exit 1
fi
require_free_ports "${NUMBERS_API_PORT:-8087}" "${NUMBERS_WEB_PORT:-8088}" "${NUMBERS_API_HTTPS_PORT:-8447}" "${NUMBERS_WEB_HTTPS_PORT:-8448}"

if [ "${1:-}" != "--no-build" ]; then
    build_images "$STACK"
fi

service() { echo "${STACK}_$1"; }
tasks() { docker service ps -q "$(service "$1")" 2>/dev/null | wc -l; }
update_state() { docker service inspect -f '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$(service numbers-web)"; }
ready() { [ "$(status_of "$1/health/ready")" = 200 ]; }
both_ready() { ready "$API" && ready "$WEB"; }
api_replaced() { [ "$(tasks numbers-api)" -ge 2 ] && ready "$API"; }
rolled_back() { [ "$(update_state)" = rollback_completed ] && ready "$WEB"; }

# What the swarm saw, printed when a bounded wait runs out.
diagnose() {
    local name
    for name in numbers-api numbers-web; do
        echo "tasks of $(service "$name"):"
        docker service ps "$(service "$name")" --no-trunc --format '{{.Name}} {{.CurrentState}} {{.Error}}' 2>&1 | head -5
    done
}

finish() { leave_test_swarm; }
trap finish EXIT

docker swarm init --advertise-addr 127.0.0.1 >/dev/null || { say "docker swarm init failed" >&2; exit 1; }
docker node update --label-add "$SWARM_TEST_LABEL=swarm-test" "$(docker info -f "{{.Swarm.NodeID}}")" >/dev/null || { say "could not label the swarm node" >&2; exit 1; }

scenario_deploy() {
    say "1. docker stack deploy from the compose file"
    docker stack deploy -c docker-compose.yml -c docker-compose.swarm-local.yml "$STACK" >/dev/null 2>&1 || { fail "stack deploy"; return 1; }
    wait_until 180 "both services ready after the deploy" both_ready || return 1
    check "the web shows a number" page_says 'Here it is: [0-9][0-9]*<'
    # The compose file's lockdown, as Swarm carries it into the tasks.
    local service task
    for service in numbers-api numbers-web; do
        task=$(docker ps -q --filter "label=com.docker.swarm.service.name=$(service "$service")" | head -1)
        check "$service's task has a read-only root" docker exec "$task" sh -c '! ( echo x > /x ) 2>/dev/null'
        check "$service's task holds no capability" docker exec "$task" grep -q '^CapEff:[[:space:]]*0*$' /proc/1/status
        check "$service's task writes its logs to the tmpfs" docker exec "$task" sh -c 'test -s "$WLP_OUTPUT_DIR/$SERVER_NAME/logs/messages.log"'
    done
    say "   note: Swarm ignores security_opt, so no-new-privileges is not set in its tasks (NoNewPrivs $(docker exec "$task" awk '/^NoNewPrivs/ { print $2 }' /proc/1/status)); with no capability and a non-root user there is nothing to gain"
}

scenario_api_replaced() {
    say "2. the API breaks; Swarm replaces it"
    for _ in 1 2 3 4; do curl -s -o /dev/null "$API/rng"; done
    check "the API is broken" [ "$(status_of "$API/rng")" = 500 ]
    local start=$SECONDS
    wait_until 150 "Swarm replaced the API's task and the new one is ready" api_replaced || return 1
    say "   the failed task: $(docker service ps "$(service numbers-api)" --no-trunc --format '{{.CurrentState}} {{.Error}}' | grep -m1 -i 'fail\|shutdown')"
    wait_until 30 "the web gets numbers again" page_says 'Here it is: [0-9][0-9]*<'
    say "   from the bug to numbers on the web: $((SECONDS - start)) s"
}

scenario_rollback() {
    say "3. a rolling update of the web with an API URL that does not answer"
    local start=$SECONDS
    docker service update --detach --env-add NUMBERS_API_URL=http://numbers-api:9999 "$(service numbers-web)" >/dev/null \
        || { fail "service update"; return 1; }
    wait_until 240 "Swarm rolled the web back by itself and it is ready" rolled_back || return 1
    check "the rolled-back web has the API URL it had" grep -q 'NUMBERS_API_URL=http://numbers-api:9080' \
        <<<"$(docker service inspect -f '{{range .Spec.TaskTemplate.ContainerSpec.Env}}{{.}} {{end}}' "$(service numbers-web)")"
    check "a task of the broken update failed its dependency check" grep -q 'non-zero exit (1)' \
        <<<"$(docker service ps "$(service numbers-web)" --no-trunc --format '{{.Error}}')"
    check "the web serves numbers again ($((SECONDS - start)) s after the update began)" page_says 'Here it is: [0-9][0-9]*<'
}

for scenario in scenario_deploy scenario_api_replaced scenario_rollback; do
    "$scenario" || say "   (scenario stopped at its first failed step; see above)"
done

say "4. cleanup"
finish
check "no stack, no swarm left" [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = inactive ]
check "no swarm network left" [ -z "$(docker network ls -q --filter name=docker_gwbridge)" ]
summary
