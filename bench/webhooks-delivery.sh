#!/usr/bin/env bash
# Webhook delivery: webhook-dispatcher against a fast local receiver, and a plain JDK HttpClient sending the same
# requests to the same receiver in the same run (the ceiling); then end-to-end latency (order event committed on
# Kafka -> receiver has the signed webhook) at a steady rate; then healthy endpoints' latency alone and beside one
# endpoint that answers in 10 seconds.
#
#   bench/webhooks-delivery.sh       # about 5 minutes here; MESSAGES, ENDPOINTS, RATE, SUSTAINED_RATE, STEADY_SECONDS, ISO_RATE, ISO_SECONDS,
#                                    # CROSS_RATES, CROSS_SECONDS, WARMUP_SECONDS to change
#   PROFILE=1 bench/webhooks-delivery.sh   # JFR, pg_stat_statements and wait events over the throughput run and the steady 1,000 ev/s run
#   WEBHOOKS_JAR=/other/checkout/webhook-dispatcher/target/webhook-dispatcher-0.1.0-SNAPSHOT.jar  # another build
#
# Last, steady runs at rising rates find where the e2e p95 crosses 124 ms (Convoy's published p95 at 200 ev/s).
#
# Own service on 18084, own database bench_webhooks, own Kafka on 19392/19393, receiver on 18990: the local platform
# may run beside it.
BENCH_DB=bench_webhooks
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench-webhooks}
source "$(dirname "$0")/lib.sh"
MESSAGES=${MESSAGES:-20000}
ENDPOINTS=${ENDPOINTS:-4}
RATE=${RATE:-1000}
SUSTAINED_RATE=${SUSTAINED_RATE:-300}
STEADY_SECONDS=${STEADY_SECONDS:-30}
ISO_RATE=${ISO_RATE:-300}
ISO_SECONDS=${ISO_SECONDS:-20}
CROSS_RATES=${CROSS_RATES:-200 300 500 750 1000 1500 2000 3000}
CROSS_SECONDS=${CROSS_SECONDS:-15}
# Each steady run (and each rate of the crossing search) first runs this long at its rate unmeasured, until all of it
# is received: the service, the producer and the receiver measured warm (0: measured from their first event).
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
P95_BOUND=124
HEAP=${HEAP:-512m}
PORT=18084
KAFKA=127.0.0.1:19392
RECEIVER_PORT=18990

webhooks_cleanup() {
  local pid
  bench_identity_stop
  for pid in "$BENCH_DIR/load.pid" "$BENCH_DIR/active.pid" "$BENCH_DIR/webhooks.pid" "$BENCH_DIR/kafka/pid"; do
    [[ -f $pid ]] && kill "$(cat "$pid")" 2>/dev/null || true
    rm -f "$pid"
  done
  if [[ ${BENCH_KEEP_DB:-0} != 1 ]]; then
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_IDENTITY_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap webhooks_cleanup EXIT

sql() { psql -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
# CPU ticks so far of the bench database's backends, and of the service.
database_ticks() { bench_cpu_ticks $(psql -qAt -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND pid <> pg_backend_pid()"); }
service_ticks() { bench_cpu_ticks "$(cat "$BENCH_DIR/webhooks.pid")"; }
# The load side, compiled once (a source launch would compile it again at the start of every phase, beside the
# service being measured).
tool() { local props=$1; shift; "$JAVA_HOME/bin/java" -Xmx512m -Dsun.net.httpserver.maxIdleConnections=4096 -Dsun.net.httpserver.idleInterval=600 $props \
  -cp "$BENCH_DIR/tool:$BENCH_ROOT/local-launcher/target/lib/*" WebhooksBench "http://127.0.0.1:$PORT" "$KAFKA" "$@"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_jdk; bench_build webhook-dispatcher; bench_kafka_start 19392; bench_database
rm -rf "$BENCH_DIR/tool"
"$JAVA_HOME/bin/javac" -nowarn -d "$BENCH_DIR/tool" -cp "$BENCH_ROOT/local-launcher/target/lib/*" "$BENCH_ROOT/bench/WebhooksBench.java"
BENCH_KAFKA=$KAFKA; bench_identity_start
bench_webhooks_start "${WEBHOOKS_JAR:-$BENCH_ROOT/webhook-dispatcher/target/webhook-dispatcher-0.1.0-SNAPSHOT.jar}"

# 1. Delivery throughput. Endpoints of one merchant on the receiver's port; their messages are written straight into
# the table, not yet due, then made due at once: what is measured is claiming, signing, sending and recording.
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
mapfile -t ENDPOINT_IDS < <(tool "" register "$MERCHANT" "$ENDPOINTS" "$RECEIVER_PORT" 2>/dev/null)
PER_ENDPOINT=$((MESSAGES / ENDPOINTS))
for endpoint in "${ENDPOINT_IDS[@]}"; do
  sql <<SQL
INSERT INTO webhook_message (id, endpoint_id, merchant_id, event_id, event_type, order_id, order_key, payload, status,
    next_attempt_at, occurred_at, created_at)
SELECT o, '$endpoint', '$MERCHANT', 'bench-' || o, 'order_approved', o, o::text,
    '{"order_id":"' || o || '","order_reference_id":"REF-' || g || '","order_number":"N-' || g
      || '","event_type":"order_approved","data":[]}', 'pending', now() + interval '1 day', now(), now()
FROM (SELECT g, gen_random_uuid() AS o FROM generate_series(1, $PER_ENDPOINT) AS g) AS x;
SQL
done
sql -c "ANALYZE webhook_message" >/dev/null
sql -c "SELECT payload FROM webhook_message LIMIT 1000" > "$BENCH_DIR/bodies.txt"
tool "-Dreceiver.port=$RECEIVER_PORT" throughput $((PER_ENDPOINT * ENDPOINTS)) 256 "$BENCH_DIR/bodies.txt" \
  > "$BENCH_DIR/throughput.out" 2>&1 &
echo $! > "$BENCH_DIR/load.pid"
until grep -q READY "$BENCH_DIR/throughput.out" 2>/dev/null; do sleep 0.2; done
BENCH_PROFILE_PID=$BENCH_DIR/webhooks.pid bench_profile_start
# CPU per delivery over the service's part (steadier than deliveries/s on shared cores): the service, the bench
# database's backends, the load side (receiver and, later, the plain client), from making the messages due to the last receipt.
delivery_cpu() {
  echo "$(service_ticks)" \
    "$(database_ticks)" \
    "$(bench_cpu_ticks $(pgrep -f 'WebhooksBench http'))"
}
cpu_before=$(delivery_cpu)
sql -c "UPDATE webhook_message SET next_attempt_at = now() WHERE merchant_id = '$MERCHANT'" >/dev/null
until grep -q SERVICE_DONE "$BENCH_DIR/throughput.out" 2>/dev/null; do sleep 0.1; done
cpu_after=$(delivery_cpu)
wait "$(cat "$BENCH_DIR/load.pid")"; rm -f "$BENCH_DIR/load.pid"
BENCH_PROFILE_PID=$BENCH_DIR/webhooks.pid bench_profile_stop throughput
throughput=$(grep RESULT "$BENCH_DIR/throughput.out")
delivered=$(sql -c "SELECT count(*) FROM webhook_message WHERE merchant_id = '$MERCHANT' AND status = 'delivered'")
duplicates=$(sql -c "SELECT count(*) FROM webhook_attempt a JOIN webhook_message m ON m.id = a.message_id WHERE m.merchant_id = '$MERCHANT' AND a.attempt_number > 1")

# 2. End to end at a steady rate, through Kafka and the inbox.
# The claim's cost over that run: claims (the service's portal_webhooks_claims timer, where the build has it) per claimed message, the claim
# index's scans and tuples read, the CPU of the bench database's backends and of the service, and what the database's
# active statements were (sampled every 0.2 s).
claim_mark() {
  local m
  m=$(curl -fsS "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null)
  # 0 for a meter the service does not have (portal_webhooks_claims: only a build with the claim's timer, ADR 21).
  echo "$(echo "$m" | awk '/^portal_webhooks_claims_seconds_count/ {v = $2} END {print v + 0}') $(echo "$m" | awk '/^portal_webhooks_claims_seconds_sum/ {v = $2} END {print v + 0}') $(echo "$m" | awk '/^portal_work_claimed_total\{.*webhook-delivery/ {v = $2} END {print v + 0}')" \
    "$(sql -F' ' -c "SELECT idx_scan, idx_tup_read, idx_tup_fetch FROM pg_stat_user_indexes WHERE indexrelname = 'webhook_message_endpoint_due'")" \
    "$(database_ticks)" \
    "$(service_ticks)"
}
( while sleep 0.2; do
    psql -qAt -d postgres -c "SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 40) FROM pg_stat_activity
      WHERE datname = '$BENCH_DB' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null
  done > "$BENCH_DIR/steady-active.raw" ) &
echo $! > "$BENCH_DIR/active.pid"
claim_before=$(claim_mark)
bench_thread_cpu "$BENCH_DIR/webhooks.pid" > "$BENCH_DIR/steady-threads.before"
# Row versions of webhook_message written in place (HOT: no new index entries) against all its updates.
hot_mark() { sql -F' ' -c "SELECT n_tup_upd, n_tup_hot_upd, n_tup_ins FROM pg_stat_user_tables WHERE relname = 'webhook_message'"; }
hot_before=$(hot_mark)
BENCH_PROFILE_PID=$BENCH_DIR/webhooks.pid bench_profile_start
steady=$(tool "-Dwarmup.seconds=$WARMUP_SECONDS" steady "$RATE" "$STEADY_SECONDS" 2>/dev/null | grep RESULT)
BENCH_PROFILE_PID=$BENCH_DIR/webhooks.pid bench_profile_stop steady
claim_after=$(claim_mark)
bench_thread_cpu "$BENCH_DIR/webhooks.pid" > "$BENCH_DIR/steady-threads.after"
sleep 1  # the statistics collector reports at most once a second
hot_line=$(awk -v a="$hot_before" -v b="$(hot_mark)" 'BEGIN { split(a, x, " "); split(b, y, " ");
  u = y[1] - x[1]; h = y[2] - x[2]; printf "%d inserted, %d updates, %d of them in place (HOT, %.0f %%)", y[3] - x[3], u, h, (u > 0 ? 100 * h / u : 0) }')
steady_threads=$(bench_thread_cpu_report "$BENCH_DIR/steady-threads.before" "$BENCH_DIR/steady-threads.after" $((RATE * (STEADY_SECONDS + WARMUP_SECONDS))))
kill "$(cat "$BENCH_DIR/active.pid")" 2>/dev/null || true; rm -f "$BENCH_DIR/active.pid"
sort "$BENCH_DIR/steady-active.raw" | uniq -c | sort -rn > "$BENCH_DIR/steady-active.txt"
claim_line=$(awk -v a="$claim_before" -v b="$claim_after" -v hz="$(getconf CLK_TCK)" -v active="$(awk '{n += $1} END {print n + 0}' "$BENCH_DIR/steady-active.txt")" \
  -v claims_active="$(awk '/WITH RECURSIVE ready/ {n += $1} END {print n + 0}' "$BENCH_DIR/steady-active.txt")" 'BEGIN {
  split(a, x, " "); split(b, y, " "); c = y[1] - x[1]; s = y[2] - x[2]; w = y[3] - x[3]
  if (c > 0) printf "%d claims for %d claimed (%.2f per claimed message), %.2f ms per claim; ", c, w, c / w, 1000 * s / c
  else printf "%d claimed (claims not counted: this build has no portal_webhooks_claims timer); ", w
  n = (c > 0 ? c : y[4] - x[4])
  printf "claim index: %d scans, %d tuples read (%.0f per %s); CPU: database backends %.1f s, service %.1f s; active statements sampled: %d, of them the claim %d",
    y[4] - x[4], y[5] - x[5], (n > 0 ? (y[5] - x[5]) / n : 0), (c > 0 ? "claim" : "scan"), (y[7] - x[7]) / hz, (y[8] - x[8]) / hz, active, claims_active }')
sustained=$(tool "-Dwarmup.seconds=$WARMUP_SECONDS" steady "$SUSTAINED_RATE" "$STEADY_SECONDS" 2>/dev/null | grep RESULT)

# 3. Healthy endpoints' latency alone, then beside an endpoint that answers in 10 s.
alone=$(tool "" isolation "$ISO_RATE" "$ISO_SECONDS" false 2>/dev/null | grep RESULT)
beside=$(tool "" isolation "$ISO_RATE" "$ISO_SECONDS" true 2>/dev/null | grep RESULT)

# 4. The rate where the e2e p95 crosses the bound: steady runs at rising rates until one is above it.
crossing="above $P95_BOUND ms at every rate tried"
below=""
: > "$BENCH_DIR/crossing.out"
for cross_rate in $CROSS_RATES; do
  run=$(tool "-Dwarmup.seconds=$WARMUP_SECONDS" steady "$cross_rate" "$CROSS_SECONDS" 2>/dev/null | grep 'RESULT steady' || true)
  echo "$run" >> "$BENCH_DIR/crossing.out"
  p95=$(echo "$run" | sed -nE 's/.* p95=([0-9.]+) ms.*/\1/p')
  if [[ -z $p95 ]] || awk -v p="$p95" -v b="$P95_BOUND" 'BEGIN { exit !(p > b) }'; then
    if [[ -n $below ]]; then
      crossing="between $below ev/s and $cross_rate ev/s (p95 ${p95:-none} ms at $cross_rate)"
    else
      crossing="below $cross_rate ev/s (p95 ${p95:-none} ms at $cross_rate)"
    fi
    break
  fi
  below=$cross_rate
  crossing="above $below ev/s (the highest rate tried stayed below $P95_BOUND ms)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2; }
printf '\nwebhook delivery (%s cores, service heap -Xmx%s, %s endpoints of one merchant)\n' "$(nproc)" "$HEAP" "$ENDPOINTS"
printf '%-58s %s\n' "service: deliveries per second (claim, sign, send, record)" "$(field "$throughput" service_per_s) /s ($(field "$throughput" service_deliveries) deliveries, $delivered delivered, $duplicates second attempts)"
printf '%-58s %s\n' "plain JDK HttpClient, same requests, 256 at once (ceiling)" "$(field "$throughput" jdk_per_s) /s"
ratio=$(awk -v a="$(field "$throughput" service_per_s)" -v b="$(field "$throughput" jdk_per_s)" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
printf '%-58s %s\n' "ratio service / plain client" "${ratio}x"
whole_ratio=$(awk -v a="$(field "$throughput" service_whole_run_per_s)" -v b="$(field "$throughput" jdk_whole_run_per_s)" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
printf '%-58s %s\n' "  (rates after each side's first quarter; whole runs:" "$(field "$throughput" service_whole_run_per_s) /s and $(field "$throughput" jdk_whole_run_per_s) /s = ${whole_ratio}x)"
printf '%-58s %s\n' "  CPU ms per delivery: service / database / load side" "$(awk -v a="$cpu_before" -v b="$cpu_after" -v hz="$(getconf CLK_TCK)" -v n="$(field "$throughput" service_deliveries)" 'BEGIN {
  split(a, x, " "); split(b, y, " "); if (n > 0) printf "%.3f / %.3f / %.3f", 1000 * (y[1] - x[1]) / hz / n, 1000 * (y[2] - x[2]) / hz / n, 1000 * (y[3] - x[3]) / hz / n }')"
printf '%-58s %s\n' "e2e at a steady rate" "${steady#RESULT }"
printf '%-58s %s\n' "  its claims" "$claim_line"
printf '%-58s %s\n' "  service CPU ms per event, by thread kind (warm-up in)" "$steady_threads"
printf '%-58s %s\n' "  webhook_message rows (warm-up in)" "$hot_line"
printf '%-58s %s\n' "e2e at a steady rate" "${sustained#RESULT }"
printf '%-58s %s\n' "isolation" "${alone#RESULT }"
printf '%-58s %s\n' "isolation" "${beside#RESULT }"
sed 's/^RESULT /  /' "$BENCH_DIR/crossing.out"
printf '%-58s %s\n' "e2e p95 crosses $P95_BOUND ms ($CROSS_SECONDS s per rate)" "$crossing"
printf '%-58s %s\n' "load average before (1, 5, 15 min)" "$load_before"
printf '%-58s %s\n' "load average after" "$load_after"
steady_p95=$(echo "$steady" | sed -nE 's/.* p95=([0-9.]+) ms.*/\1/p')
echo "RESULT webhooks-delivery deliveries ${ratio}x the plain client; ${RATE} ev/s p95 ${steady_p95} ms; p95 crosses $P95_BOUND ms $crossing"
