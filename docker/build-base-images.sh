#!/usr/bin/env bash
# Builds the two base images from Debian packages, for machines that reach Debian's mirror but no
# container registry (like the project's CI machines):
#   numbers-base/jre:17    Debian 12 minbase + openjdk-17-jre-headless   (runtime stage, JRE_IMAGE)
#   numbers-base/maven:17  the same + openjdk-17-jdk-headless + maven    (build stage, MAVEN_IMAGE)
# Each trusts what the host trusts (its CA bundle and Java cacerts), so Maven inside a build reaches
# Maven Central through a TLS-inspecting proxy too. An image that exists is kept unless --force.
# Prints the two variables to set for `docker compose build` at the end.
set -euo pipefail

JRE_IMAGE=numbers-base/jre:17
MAVEN_IMAGE=numbers-base/maven:17
FORCE=${1:-}
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64

say() { printf 'base-images: %s\n' "$*"; }

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || { say "no Debian mirror found in the apt sources" >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

build() { # image packages
    local image=$1 packages=$2 start=$SECONDS root
    if [ "$FORCE" != "--force" ] && docker image inspect "$image" >/dev/null 2>&1; then
        say "$image exists (--force rebuilds it)"
        return
    fi
    root=$(mktemp -d)
    # minbase: no init system, no extras; only what the JVM and Liberty's shell scripts need.
    debootstrap --variant=minbase --include="$packages" bookworm "$root" "$mirror" >"$root.log" 2>&1 \
        || { say "debootstrap of $image failed; see $root.log" >&2; exit 1; }
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
    [ -f /etc/ssl/certs/java/cacerts ] && cp /etc/ssl/certs/java/cacerts "$root/etc/ssl/certs/java/cacerts"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    # JAVA_HOME matters: Liberty's server script picks the JVM options for Java 9+ from it.
    tar -C "$root" -c . | docker import \
        -c "ENV JAVA_HOME=$JAVA_HOME_IN_IMAGE" \
        -c "ENV PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        -c "ENV LANG=C.UTF-8" \
        - "$image" >/dev/null
    rm -rf "$root" "$root.log"
    say "$image built in $((SECONDS - start)) s ($(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%d MB", $1 / 1e6 }'))"
}

build "$JRE_IMAGE" openjdk-17-jre-headless,ca-certificates-java
build "$MAVEN_IMAGE" openjdk-17-jdk-headless,maven,ca-certificates-java

say "set these before 'docker compose build' or 'docker compose up --build':"
echo "export MAVEN_IMAGE=$MAVEN_IMAGE"
echo "export JRE_IMAGE=$JRE_IMAGE"
