#!/usr/bin/env bash
# Makes a Docker engine and Compose v2 available on a Debian 12 machine of this project's kind, as root,
# without any input: installs docker.io if dockerd is missing, installs Compose v2 from Debian trixie
# (bookworm only packages Compose v1), and starts dockerd in the background if no engine answers.
# Idempotent: each step is skipped when its result is already there. Exit 1 with one line if the
# engine cannot be had.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

DOCKERD_LOG=${DOCKERD_LOG:-/var/log/numbers-dockerd.log}
DOCKERD_PID=${DOCKERD_PID:-/run/numbers-dockerd.pid}

say() { printf 'install-docker: %s\n' "$*"; }
fail() { printf 'install-docker: %s\n' "$*" >&2; exit 1; }
timed() { # label command...
    local start=$SECONDS
    "${@:2}"
    say "$1 ($((SECONDS - start)) s)"
}

install_engine() {
    apt-get update -qq
    apt-get install -y -qq docker.io >/dev/null
}

install_compose_v2() {
    # A one-line sources list for trixie, used for this download only: the machine stays on bookworm.
    local mirror work
    mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || fail "no Debian mirror found in the apt sources"
    work=$(mktemp -d)
    mkdir -p "$work/lists/partial"
    echo "deb $mirror trixie main" > "$work/trixie.list"
    local apt_opts=(-o "Dir::Etc::SourceList=$work/trixie.list" -o "Dir::Etc::SourceParts=/dev/null"
                    -o "Dir::State::Lists=$work/lists" -o "APT::Sandbox::User=root")
    apt-get "${apt_opts[@]}" update -qq
    (cd "$work" && apt-get "${apt_opts[@]}" download docker-compose >/dev/null)
    dpkg -i "$work"/docker-compose_*.deb >/dev/null
    rm -rf "$work"
}

start_engine() {
    nohup dockerd >"$DOCKERD_LOG" 2>&1 &
    echo $! > "$DOCKERD_PID"
    local deadline=$((SECONDS + 60))
    until docker info >/dev/null 2>&1; do
        kill -0 "$(cat "$DOCKERD_PID")" 2>/dev/null || fail "dockerd exited at start; see $DOCKERD_LOG"
        [ $SECONDS -lt $deadline ] || fail "dockerd did not answer within 60 s; see $DOCKERD_LOG"
        sleep 1
    done
}

if command -v dockerd >/dev/null; then
    say "engine package already installed"
else
    timed "installed docker.io" install_engine
fi

has_compose_v2() { docker compose version --short 2>/dev/null | grep -qE '^v?2\.'; }

if has_compose_v2; then
    say "compose v2 already installed: $(docker compose version --short)"
else
    timed "installed compose v2 from trixie" install_compose_v2
    has_compose_v2 || fail "docker compose v2 is still missing after the install"
fi

if docker info >/dev/null 2>&1; then
    say "engine already running"
else
    timed "started dockerd" start_engine
    say "dockerd pid $(cat "$DOCKERD_PID"), log $DOCKERD_LOG"
fi
say "engine $(docker version --format '{{.Server.Version}}'), compose $(docker compose version --short)"
