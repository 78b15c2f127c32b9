#!/usr/bin/env bash
# How long a killed consumer's partitions wait for the other replica: kill -9 of the second replica of each event
# consumer of order events (settlement-service, webhook-dispatcher) while orders keep coming, first with Kafka's
# default consumer group settings (the baseline, 45 s session timeout), then with the platform's (ADR 18), in the same
# run. Needs the platform with two replicas of the consumers; takes the platform lock and starts it itself:
#
#   bench/consumer-failover.sh            # ROUNDS=2 kills per setting by default
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/platform.lock bash -c '
  trap "./portal stop >/dev/null 2>&1 || true" EXIT
  ./portal start --replicas settlement-service=2,webhook-dispatcher=2 >/tmp/consumer-failover-start.log 2>&1 \
    || { tail -40 /tmp/consumer-failover-start.log; exit 1; }
  python3 bench/consumer_failover.py'
