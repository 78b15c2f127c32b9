#!/usr/bin/env bash
# How long a disabled user's access token keeps working, through the gateway and straight at orders-service, against
# the local platform. Run `./portal start` first (with `./portal demo-traffic` or not).
#
#   bench/revocation-delay.sh          # RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
curl -fsS http://127.0.0.1:8080/actuator/health/readiness >/dev/null || { echo "start the platform first: ./portal start" >&2; exit 1; }
exec python3 bench/revocation_delay.py
