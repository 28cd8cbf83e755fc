#!/bin/bash
# Container health probe for the .NET images, which ship neither curl nor wget: one HTTP/1.1 GET over bash's
# /dev/tcp to this container's own HTTP port. Healthy means the endpoint answered 200 (503 = not ready).
#   healthcheck.sh [path=/health/ready]
# The port is the first of ASPNETCORE_HTTP_PORTS (8080 in the official images), or HEALTHCHECK_PORT.
set -uo pipefail
path=${1:-/health/ready}
ports=${ASPNETCORE_HTTP_PORTS:-8080}
port=${HEALTHCHECK_PORT:-${ports%%[;,]*}}

exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[[ $status == 200 ]]
