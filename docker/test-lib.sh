# Shared by docker/compose-test.sh and docker/swarm-test.sh: one line per check, bounded waits, and the
# closing "N passed, N failed" count. Source it; set NAME first.
passed=0
failed=0

say() { printf '%s: %s\n' "$NAME" "$*"; }
pass() { passed=$((passed + 1)); printf '  PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*"; return 1; }
check() { # description command...
    if "${@:2}"; then pass "$1"; else fail "$1"; fi
}

# wait_until SECONDS description command... : polls every half second; prints how long it took.
wait_until() {
    local bound=$1 what=$2 start=$SECONDS
    shift 2
    while ! "$@" >/dev/null 2>&1; do
        if [ $((SECONDS - start)) -ge "$bound" ]; then
            fail "$what: not within ${bound} s"
            return 1
        fi
        sleep 0.5
    done
    pass "$what ($((SECONDS - start)) s, bound ${bound} s)"
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1"; }
page_says() { curl -s --max-time 5 -X POST "$WEB/" | grep -q "$1"; }

summary() {
    echo "${NAME%-test}: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
