#!/bin/sh
# The book's `check && start`: Liberty starts only once the numbers-api answers its readiness check.
# The probe reads the API's URL from the same configuration key the web app uses (numbers.api.url:
# the NUMBERS_API_URL variable, else the server's server.env and bootstrap.properties, else the app's
# own default), and waits up to NUMBERS_WEB_DEPENDENCY_WAIT (0 = one check, or e.g. 500ms, 30s, 2m).
# If the API does not answer in time, the container exits with status 1 and its restart policy
# decides what happens next.
set -e
java @/opt/probe/jvm.options -jar /opt/probe/probe.jar wait \
    -c numbers.api.url --path /health/ready \
    --config-file /opt/probe/numbers-web-defaults.properties \
    --deadline "${NUMBERS_WEB_DEPENDENCY_WAIT:-0}" --timeout 2000
exec /opt/wlp/bin/server run numbers-web
