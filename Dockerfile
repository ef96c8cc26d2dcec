# One image recipe for both services; APP names the server and its module (APP-war). Build with the
# repository root as context:
#   docker build --build-arg APP=numbers-api -t numbers/numbers-api .
#   docker build --build-arg APP=numbers-web -t numbers/numbers-web .
# (docker compose build does both.) Without a registry, build the two base images first:
# docker/build-base-images.sh (see docs/containers.md).
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre
ARG APP=numbers-api

FROM ${MAVEN_IMAGE} AS build
ARG APP
WORKDIR /build
# Every module's pom first: a reactor build reads them all, even for one module.
COPY pom.xml ./
COPY probe/pom.xml probe/
COPY numbers-api-war/pom.xml numbers-api-war/
COPY numbers-web-war/pom.xml numbers-web-war/
# The shared Liberty configuration and code, then the modules' own (the web's build reads the API's WAR).
COPY src/main src/main
COPY probe/jvm.options probe/
COPY probe/src/main probe/src/main
COPY numbers-api-war/src/main numbers-api-war/src/main
COPY numbers-web-war/src/main numbers-web-war/src/main
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Pimage -DskipTests -pl ${APP}-war,probe -am package
# The JRE image has no unzip; unpack here. jar(1) keeps no file modes, so the scripts get theirs back.
# A module's src/main/docker holds its own start script, if it has one; its defaults go beside the probe,
# which reads them for -c.
RUN mkdir /out && cd /out \
    && jar xf /build/${APP}-war/target/${APP}.zip \
    && find wlp/bin -maxdepth 1 -type f ! -name '*.bat' -exec chmod 755 {} + \
    && rm wlp/usr/servers/${APP}/server.env \
    && mkdir -p wlp/usr/servers/${APP}/configDropins/overrides \
    && cp /build/src/main/liberty/image/image.xml wlp/usr/servers/${APP}/configDropins/overrides/ \
    && cp /build/src/main/liberty/image/server-run wlp/bin/ \
    && mkdir probe && cp /build/probe/target/probe.jar /build/probe/jvm.options /build/probe/src/main/sh/health-tick probe/ \
    && defaults=/build/${APP}-war/src/main/resources/META-INF/microprofile-config.properties \
    && if [ -f $defaults ]; then cp $defaults probe/${APP}-defaults.properties; fi \
    && if [ -d /build/${APP}-war/src/main/docker ]; then cp /build/${APP}-war/src/main/docker/* probe/; fi

FROM ${JRE_IMAGE} AS runtime
ARG APP
# Owned by root and not writable by the server's user: the server cannot change its own configuration,
# apps or runtime. It writes only below WLP_OUTPUT_DIR (logs, workarea, keys, health files).
COPY --from=build /out/wlp /opt/wlp
COPY --from=build /out/probe /opt/probe
# A class-data-sharing archive for the probe, made with this very JVM, and used by every health check.
RUN java -XX:ArchiveClassesAtExit=/opt/probe/probe.jsa @/opt/probe/jvm.options -jar /opt/probe/probe.jar -q -t 200 -u http://127.0.0.1:1/ ; \
    test -s /opt/probe/probe.jsa \
    && echo "-XX:SharedArchiveFile=/opt/probe/probe.jsa" >> /opt/probe/jvm.options \
    && ln -s /opt/wlp/usr/servers/${APP} /config \
    && (apt-get purge -y -qq curl wget >/dev/null 2>&1 || true) && rm -f /usr/bin/curl /usr/bin/wget
# The probe does all the checking: no curl or wget in the image, whichever base it is built on.
# Start the server once, here, and keep what its first start works out (the OSGi framework's state, the
# resolved features, the app's expanded archive): every container then starts warm instead of clean.
# The workarea is kept read-only in /opt/wlp/warm and server-run copies it into the output directory (a
# tmpfs on a read-only container) at start; logs, keys and health files are left out.
ENV WLP_OUTPUT_DIR=/opt/wlp/output
RUN export ltpa_keys_password=warm-up-only keystore_password=warm-up-only NUMBERS_MONITOR_PASSWORD=warm-up-only \
    && /opt/wlp/bin/server start ${APP} >/dev/null && /opt/wlp/bin/server stop ${APP} >/dev/null \
    && cd /opt/wlp/output/${APP} && rm -rf logs resources health .pid \
    && mkdir /opt/wlp/warm && mv /opt/wlp/output/${APP} /opt/wlp/warm/ && rm -rf /opt/wlp/output/.pid \
    && chmod -R go-w /opt/wlp /opt/probe && chown 1001:0 /opt/wlp/output && chmod 0770 /opt/wlp/output
USER 1001:0
# 9080: the app and /health over HTTP; 9443: /metrics and /ops over HTTPS, for the monitor user only.
EXPOSE 9080 9443
# File-based health: the server runs its own checks every second and touches health/live and
# health/ready while they are UP; the health check then only compares the files' age (a shell and a
# find inside Docker's exec), and runs the probe over HTTP only when a file is stale, for the one-line
# reason and for --stop-after. One stale file is already two missed self-checks, confirmed by the
# probe, so one failed check makes the container unhealthy within seconds (docs/containers.md).
ENV SERVER_NAME=${APP} \
    MP_HEALTH_CHECK_INTERVAL=1s

# What differs between the two services: what healthy means and how the container starts.
FROM runtime AS numbers-api
# Healthy means started, ready and live, as /health answers 200 only when every check is UP. The probe's
# one line (e.g. "DOWN 503 ... numbers-api DOWN {calls=4, failAfter=3}") is what docker inspect shows.
HEALTHCHECK --interval=2s --timeout=3s --start-period=60s --retries=1 \
    CMD ["/opt/probe/health-tick", "live ready", "-t", "2000", "-u", "http://localhost:9080/health"]
CMD ["/opt/wlp/bin/server-run"]

FROM runtime AS numbers-web
ENV HEALTH_TICK_GATE=/tmp/numbers-web.dependency-ok \
    NUMBERS_WEB_DEPENDENCY_WAIT=60s
# Liveness only: the web's health must never follow the API, or a broken API would get the web replaced.
# Until the start script's dependency check has passed, the gate file is missing and the check says so.
HEALTHCHECK --interval=2s --timeout=3s --start-period=60s --retries=1 \
    CMD ["/opt/probe/health-tick", "live", "-t", "2000", "-u", "http://localhost:9080/health/live"]
CMD ["/opt/probe/start-and-check-api.sh"]

FROM ${APP}
