#!/usr/bin/env bash
# Installs Debian's prometheus and prometheus-blackbox-exporter for monitoring/monitoring-test.sh, as
# root, without any input, and without letting the packages start their system services: the test runs
# its own instances on loopback ports with the configuration in monitoring/. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1

say() { printf 'install-monitoring: %s\n' "$*"; }

if command -v prometheus >/dev/null && command -v prometheus-blackbox-exporter >/dev/null; then
    say "already installed: $(prometheus --version 2>&1 | head -1)"
    exit 0
fi

# A policy-rc.d that answers 101 ("action forbidden") keeps the packages' postinst from starting the
# daemons on 9090 and 9115. It is removed again unless the machine had one already.
POLICY=/usr/sbin/policy-rc.d
own_policy=""
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$POLICY"
    chmod 755 "$POLICY"
    own_policy=yes
fi
cleanup() { [ -z "$own_policy" ] || rm -f "$POLICY"; }
trap cleanup EXIT

start=$SECONDS
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus prometheus-blackbox-exporter >/dev/null
say "installed in $((SECONDS - start)) s: $(prometheus --version 2>&1 | head -1)"
