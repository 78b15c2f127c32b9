#!/usr/bin/env bash
# CPU the webhook-dispatcher receives per order event, from /proc/<pid>/stat (utime + stime of all its threads: JIT
# and GC included), over a steady run through Kafka, the inbox and delivery to a fast local receiver. Load-independent
# where the e2e figures are not: on shared cores the latency moves with the neighbours, CPU per event much less.
# Variants (a build and its arguments) are compared alternated (A B A B ...), each run on a fresh service and
# database, in one run of this script; VARIANTS has one per line, "name jar [service arguments...]":
#
#   VARIANTS=$'before /tmp/a.jar\nafter /tmp/b.jar' ROUNDS=2 flock /tmp/platform.lock bench/webhooks-intake-cpu.sh
#   RATE, SECONDS_STEADY, WARM_RATE, WARM_SECONDS to change
#
# Per run it prints the CPU ms per event, of it the consumer's threads (the intake: poll, inbox, messages), the
# attempts' carriers, the worker's loop and recorder, the JIT compilers and the GC (bench_thread_cpu), the e2e line
# of the measured run, and the events per poll the intake got (portal_webhooks_intake_batch_events, when the build
# has it). Same ports and database as bench/webhooks-delivery.sh.
BENCH_DB=bench_webhooks
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench-webhooks}
source "$(dirname "$0")/lib.sh"
VARIANTS=${VARIANTS:-"this $BENCH_ROOT/webhook-dispatcher/target/webhook-dispatcher-0.1.0-SNAPSHOT.jar"}
ROUNDS=${ROUNDS:-2}
RATE=${RATE:-1000}
SECONDS_STEADY=${SECONDS_STEADY:-15}
WARM_RATE=${WARM_RATE:-300}
WARM_SECONDS=${WARM_SECONDS:-5}
PORT=18084
KAFKA=127.0.0.1:19392

service_stop() {
  [[ -f $BENCH_DIR/webhooks.pid ]] || return 0
  local pid; pid=$(cat "$BENCH_DIR/webhooks.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$BENCH_DIR/webhooks.pid"
}

cleanup() {
  service_stop
  bench_identity_stop
  [[ -f $BENCH_DIR/kafka/pid ]] && kill "$(cat "$BENCH_DIR/kafka/pid")" 2>/dev/null || true
  psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_IDENTITY_DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

tool() { "$JAVA_HOME/bin/java" -Xmx512m -cp "$BENCH_ROOT/local-launcher/target/lib/*" \
  "$BENCH_ROOT/bench/WebhooksBench.java" "http://127.0.0.1:$PORT" "$KAFKA" "$@"; }

# Events per poll so far: the summary's count and total (empty when the build has no such meter).
polls() {
  curl -fsS "http://127.0.0.1:$PORT/actuator/metrics/portal.webhooks.intake.batch.events" 2>/dev/null |
    python3 -c 'import json,sys; m={x["statistic"]: x["value"] for x in json.load(sys.stdin)["measurements"]}; print(int(m["COUNT"]), int(m["TOTAL"]))' 2>/dev/null || echo "0 0"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
bench_jdk; bench_kafka_start 19392
BENCH_KAFKA=$KAFKA; bench_identity_start
hz=$(getconf CLK_TCK)

for round in $(seq 1 "$ROUNDS"); do
  while read -r -u 3 name jar args; do
    [[ -n $name ]] || continue
    bench_database
    # shellcheck disable=SC2086
    bench_webhooks_start "$jar" $args
    tool steady "$WARM_RATE" "$WARM_SECONDS" >/dev/null 2>&1
    read -r polls_before events_before < <(polls)
    bench_thread_cpu "$BENCH_DIR/webhooks.pid" > "$BENCH_DIR/threads.before"
    before=$(bench_cpu_ticks "$(cat "$BENCH_DIR/webhooks.pid")")
    result=$(tool steady "$RATE" "$SECONDS_STEADY" 2>/dev/null | grep RESULT | tr '\n' ' ')
    after=$(bench_cpu_ticks "$(cat "$BENCH_DIR/webhooks.pid")")
    bench_thread_cpu "$BENCH_DIR/webhooks.pid" > "$BENCH_DIR/threads.after"
    by_kind=$(bench_thread_cpu_report "$BENCH_DIR/threads.before" "$BENCH_DIR/threads.after" $((RATE * SECONDS_STEADY)))
    read -r polls_after events_after < <(polls)
    service_stop
    per_poll=$(awk -v p=$((polls_after - polls_before)) -v e=$((events_after - events_before)) 'BEGIN { if (p > 0) printf "%.1f", e / p; else print "n/a" }')
    awk -v t=$((after - before)) -v hz="$hz" -v n=$((RATE * SECONDS_STEADY)) -v jar="$name" -v r="$round" \
      -v pp="$per_poll" -v res="${result#RESULT }" -v kinds="$by_kind" \
      'BEGIN { printf "RESULT round %d %s: %.3f CPU ms per event (%s), %s events per poll; %s\n", r, jar, t * 1000 / hz / n, kinds, pp, res }'
  done 3<<< "$VARIANTS"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
