#!/usr/bin/env bash
# Makes a current Docker engine and Compose v2 available on a Debian 12 machine of this project's kind,
# as root, without any input: installs Debian trixie's docker.io (engine 26: health checks honour
# start_interval; bookworm's 20.10 ignores it) and docker-compose (Compose v2; bookworm only packages
# v1) as two .deb files, their dependencies from bookworm, and starts dockerd in the background if no
# engine answers. The machine stays on bookworm.
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

MIN_ENGINE=25 # the first engine with HEALTHCHECK --start-interval

trixie_download() { # package... : downloads trixie's .deb files into the current directory
    # A one-line sources list for trixie, used for these downloads only: the machine stays on bookworm.
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
    apt-get "${apt_opts[@]}" download "$@" >/dev/null
    rm -rf "$work"
}

install_engine() {
    local work
    work=$(mktemp -d)
    (cd "$work" && trixie_download docker.io)
    apt-get update -qq
    # apt resolves the .deb's dependencies (containerd, runc, tini, iptables) from bookworm.
    apt-get install -y -qq "$work"/docker.io_*.deb >/dev/null
    rm -rf "$work"
}

install_compose_v2() {
    local work
    work=$(mktemp -d)
    (cd "$work" && trixie_download docker-compose && dpkg -i docker-compose_*.deb >/dev/null)
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

engine_major() { dockerd --version 2>/dev/null | sed -nE 's/^Docker version ([0-9]+)\..*/\1/p'; }

if command -v dockerd >/dev/null && [ "$(engine_major)" -ge "$MIN_ENGINE" ]; then
    say "engine package already installed: $(dockerd --version)"
else
    command -v dockerd >/dev/null && say "replacing $(dockerd --version): older than $MIN_ENGINE"
    timed "installed docker.io from trixie" install_engine
    [ "$(engine_major)" -ge "$MIN_ENGINE" ] || fail "dockerd is still older than $MIN_ENGINE: $(dockerd --version)"
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
