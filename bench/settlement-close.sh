#!/usr/bin/env bash
# Weekly close: settlement-service closing a week of 1 million ledger lines (one legal entity, one currency) against
# a single SQL GROUP BY over the same lines, in the same run, on the same database. The close is what production
# runs: the scheduled job finds the ended period, locks the entity's profile, sums the lines in one aggregate,
# writes the frozen report and its event to the outbox, opens the next period and commits; it is timed by the
# service's own timer (portal.settlement.close, kind=period).
#
#   bench/settlement-close.sh          # about 3 minutes here; ROWS=... to change the size; hold /tmp/platform.lock
#   COMPARE="before=/tmp/settlement-old.jar" bench/settlement-close.sh   # other builds, on the same lines, same run
#
# The week is closed CLOSES times (default 5), each right after one GROUP BY over the same lines, the week reopened
# in between (its report deleted, the profile's period set back): the ratio is the median close over the median
# GROUP BY, both taken in the same stretch of time, since a single close of ~0.3 s against a single baseline moves
# by ±20 % with the neighbours' load on two cores. Nothing polls while a close runs: the bench sleeps, then reads the
# timer's count.
# Own service on 18083, own database bench_settlement, own Kafka on 19292/19293: the local platform may run beside it.
BENCH_DB=bench_settlement
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench-settlement}
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
CLOSES=${CLOSES:-5}
HEAP=${HEAP:-512m}
PORT=18083
KAFKA=127.0.0.1:19292

settlement_start() {
  local jar=${1:-${BENCH_SETTLEMENT_JAR:-}}  # a jar, or this tree's build
  "$JAVA_HOME/bin/java" -Xms64m -Xmx"$HEAP" ${BENCH_SETTLEMENT_JVM:-} -jar "${jar:-$BENCH_ROOT/settlement-service/target/settlement-service-0.1.0-SNAPSHOT.jar}" \
    --server.port=$PORT --portal.environment=sandbox \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --spring.datasource.username="$PGUSER" \
    --spring.kafka.bootstrap-servers=$KAFKA --portal.settlement.close-poll-interval=200ms --logging.level.root=warn $(bench_identity_args) ${BENCH_SETTLEMENT_ARGS:-} \
    > "$BENCH_DIR/settlement-service.log" 2>&1 &
  echo $! > "$BENCH_DIR/settlement.pid"
  bench_wait_up settlement-service "http://127.0.0.1:$PORT/actuator/health/liveness" "$BENCH_DIR/settlement-service.log"
}

settlement_cleanup() {
  local pid
  bench_identity_stop
  for pid in "$BENCH_DIR/settlement.pid" "$BENCH_DIR/kafka/pid"; do
    [[ -f $pid ]] && kill "$(cat "$pid")" 2>/dev/null || true
    rm -f "$pid"
  done
  if [[ ${BENCH_KEEP_DB:-0} != 1 ]]; then
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_IDENTITY_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap settlement_cleanup EXIT

sql() { psql -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# Milliseconds the server spent on a statement, as psql's \timing reports it.
timed_sql() {
  psql -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" -c '\timing on' -c "$1" | awk '/^Time:/ {print $2}'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_jdk; bench_build settlement-service; bench_kafka_start 19292; bench_database
BENCH_KAFKA=$KAFKA; bench_identity_start
settlement_start
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
ENTITY=$(cat /proc/sys/kernel/random/uuid)

# One KSA legal entity whose open week is this one (Monday 00:00 to Monday 00:00, Asia/Riyadh), and its month far
# ahead so that only the week closes. Its period ends far ahead ("parked") until a measurement reopens the week.
sql <<SQL
INSERT INTO settlement_profile (legal_entity_id, merchant_id, registered, legal_name_en, legal_name_ar, country_code,
    currency, time_zone, cycle, period_start, period_end, invoice_from, invoice_month_end, created_at, updated_at)
SELECT '$ENTITY', '$MERCHANT', true, 'Bench Trading', 'شركة الاختبار', 'SA', 'SAR', 'Asia/Riyadh', 'WEEKLY',
    w, w + interval '3650 days', w, w + interval '90 days', now(), now()
FROM (SELECT date_trunc('week', now() AT TIME ZONE 'Asia/Riyadh') AT TIME ZONE 'Asia/Riyadh' AS w) AS week;
SQL

# Steady state, as in production where the service has run for weeks: a small entity whose week ended last week is
# closed first, so the close measured below does not pay for first-use costs (class loading, JSON serialisers).
WARM_ENTITY=$(cat /proc/sys/kernel/random/uuid)
sql <<SQL
BEGIN;
INSERT INTO settlement_profile (legal_entity_id, merchant_id, registered, legal_name_en, legal_name_ar, country_code,
    currency, time_zone, cycle, period_start, period_end, invoice_from, invoice_month_end, created_at, updated_at)
SELECT '$WARM_ENTITY', '$MERCHANT', true, 'Warm-up Trading', 'شركة التجربة', 'SA', 'SAR', 'Asia/Riyadh', 'WEEKLY',
    w - interval '7 days', w, w - interval '7 days', w + interval '90 days', now(), now()
FROM (SELECT date_trunc('week', now() AT TIME ZONE 'Asia/Riyadh') AT TIME ZONE 'Asia/Riyadh' AS w) AS week;
INSERT INTO ledger_line (legal_entity_id, merchant_id, currency, kind, order_id, order_reference_id, order_number,
    operation_id, capture_id, event_time, booked_at, settle_at, invoice_at, amount, gross, fee_rate, percentage_fee,
    fixed_fee, fee, vat_rate, vat, net)
SELECT '$WARM_ENTITY', '$MERCHANT', 'SAR', 'SALE', gen_random_uuid(), 'WARM-' || g, 'W-' || g, gen_random_uuid(), NULL,
    p.period_start + g * interval '1 minute', p.period_start, p.period_start + g * interval '1 minute', p.period_start,
    100.00, 100.00, 2.5, 2.50, 1.00, 3.50, 15, 0.53, 95.97
FROM generate_series(1, 1000) AS g, settlement_profile p WHERE p.legal_entity_id = '$WARM_ENTITY';
COMMIT;
SQL
until [[ $(sql -c "SELECT count(*) FROM settlement_report WHERE legal_entity_id = '$WARM_ENTITY'") == 1 ]]; do sleep 0.5; done
echo "loading $ROWS ledger lines (90 % sales, 7 % refunds, 3 % cancels) ..."
sql <<SQL
INSERT INTO ledger_line (legal_entity_id, merchant_id, currency, kind, order_id, order_reference_id, order_number,
    operation_id, capture_id, event_time, booked_at, settle_at, invoice_at, amount, gross, fee_rate, percentage_fee,
    fixed_fee, fee, vat_rate, vat, net)
SELECT '$ENTITY', '$MERCHANT', 'SAR', k.kind, gen_random_uuid(), 'REF-' || g, 'N-' || g, gen_random_uuid(), NULL,
    k.t, k.t, k.t, k.t, k.a, x.gross, 2.5, f.pct, f.fixed, f.pct + f.fixed, 15, v.vat,
    x.gross - (f.pct + f.fixed) - v.vat
FROM generate_series(1, $ROWS) AS g
CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 90 THEN 'SALE' WHEN g % 100 < 97 THEN 'REFUND' ELSE 'CANCEL' END AS kind,
    round(10 + (g::bigint * 7919 % 100000) / 100.0, 2) AS a,
    (SELECT period_start FROM settlement_profile WHERE legal_entity_id = '$ENTITY') + (g % 600000) * interval '1 second' AS t) AS k
CROSS JOIN LATERAL (SELECT CASE k.kind WHEN 'SALE' THEN k.a WHEN 'REFUND' THEN -k.a ELSE 0 END AS gross) AS x
CROSS JOIN LATERAL (SELECT CASE k.kind WHEN 'SALE' THEN round(k.a * 0.025, 2) WHEN 'REFUND' THEN -round(k.a * 0.025, 2)
    ELSE 0 END AS pct, CASE k.kind WHEN 'SALE' THEN 1.00 ELSE 0 END AS fixed) AS f
CROSS JOIN LATERAL (SELECT round((f.pct + f.fixed) * 0.15, 2) AS vat) AS v;
VACUUM ANALYZE ledger_line;
SQL

read -r WEEK_START WEEK_END < <(sql -F ' ' -c "SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
  to_char((period_start + interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM settlement_profile WHERE legal_entity_id = '$ENTITY'")
# The same lines and sums as the close's aggregate, with the week's bounds as literals.
GROUP_BY="SELECT currency, count(*), sum(gross) FILTER (WHERE kind = 'SALE'), -sum(gross) FILTER (WHERE kind = 'REFUND'),
  sum(fee), sum(vat), sum(net) FILTER (WHERE kind = 'CARRIED_FORWARD'), sum(net) FROM ledger_line
  WHERE legal_entity_id = '$ENTITY' AND settle_at >= '$WEEK_START' AND settle_at < '$WEEK_END' GROUP BY currency"
timed_sql "$GROUP_BY" >/dev/null                      # warm the cache for both
expected=$(sql -c "SELECT count(*) || ' ' || sum(fee) || ' ' || sum(vat) || ' ' || sum(net) FROM ledger_line WHERE legal_entity_id = '$ENTITY'")

close_metric() {  # count total_seconds of the service's close timer
  curl -fsS "http://127.0.0.1:$PORT/actuator/metrics/portal.settlement.close?tag=kind:period" |
    python3 -c 'import json,sys; m={x["statistic"]: x["value"] for x in json.load(sys.stdin)["measurements"]}; print(int(m["COUNT"]), m["TOTAL_TIME"])'
}
# Reopens the entity's week (its report gone, the profile's period set back to it; the service's clock is past its
# end), waits for the close job to close it and prints the close's milliseconds by the service's timer.
close_once() {  # entity week_start week_end
  local count total now_count now_total
  read -r count total < <(close_metric)
  sql -c "DELETE FROM settlement_report WHERE legal_entity_id = '$1';
    UPDATE settlement_profile SET period_start = '$2', period_end = '$3' WHERE legal_entity_id = '$1'" >/dev/null
  sleep 1.5
  while read -r now_count now_total < <(close_metric); (( now_count == count )); do sleep 0.5; done
  echo "($now_total - $total) * 1000" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Measures the running service: the warm-up entity closed again (first-use costs), the clock moved 7 days (past the
# week's end, never past the next one's),
# then CLOSES rounds of one GROUP BY and one close. Prints "median_group_by median_close" and the rounds to $1.
measure() {  # name
  local name=$1 gb=() closes=() i
  close_once "$WARM_ENTITY" "$WARM_START" "$WARM_END" >/dev/null
  curl -fsS -X POST "http://127.0.0.1:$PORT/internal/clock/advance" -H "Authorization: Bearer $(bench_tools_token)" \
    -H 'Content-Type: application/json' -d '{"by": "P7D"}' >/dev/null
  sleep 1  # the warm-up entity's next (empty) week is due now too: closed by the job before the rounds start
  for i in $(seq 1 "$CLOSES"); do
    gb+=("$(timed_sql "$GROUP_BY" | tail -1)")
    closes+=("$(close_once "$ENTITY" "$WEEK_START" "$WEEK_END")")
  done
  echo "GROUP BY ms: ${gb[*]}; close ms: ${closes[*]}" > "$BENCH_DIR/$name-rounds.txt"
  echo "$(median "${gb[@]}") $(median "${closes[@]}")"
}

read -r WARM_START WARM_END < <(sql -F ' ' -c "SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
  to_char(period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM settlement_report WHERE legal_entity_id = '$WARM_ENTITY'")
read -r main_gb main_close < <(measure main)
actual=$(sql -c "SELECT line_count || ' ' || total_fees || ' ' || total_vat || ' ' || net_payable FROM settlement_report WHERE legal_entity_id = '$ENTITY'")

# Other builds on the same lines in the same run: COMPARE="name=jar name2=jar2".
read -r -a VARIANTS <<< "${COMPARE:-}"
declare -A VARIANT_GB VARIANT_CLOSE
for variant in "${VARIANTS[@]}"; do
  name=${variant%%=*}
  kill "$(cat "$BENCH_DIR/settlement.pid")"; while kill -0 "$(cat "$BENCH_DIR/settlement.pid")" 2>/dev/null; do sleep 0.5; done
  settlement_start "${variant#*=}"
  read -r "VARIANT_GB[$name]" "VARIANT_CLOSE[$name]" < <(measure "$name")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

printf '\n%-52s %14s\n' "weekly close ($(nproc) cores, service heap -Xmx$HEAP)" "result"
printf '%-52s %14s\n' "ledger lines in the week" "$ROWS"
printf '%-52s %11.1f ms\n' "SQL GROUP BY over the week's lines (median of $CLOSES)" "$main_gb"
printf '%-52s %11.1f ms\n' "service close, committed (median of $CLOSES)" "$main_close"
printf '%-52s %13.2fx\n' "service close / GROUP BY" "$(echo "$main_close / $main_gb" | bc -l)"
printf '%-52s %14s\n' "report = sum of lines (count fees vat net)" "$([[ $(echo "$actual" | awk '{printf "%d %.2f %.2f %.2f", $1,$2,$3,$4}') == $(echo "$expected" | awk '{printf "%d %.2f %.2f %.2f", $1,$2,$3,$4}') ]] && echo yes || echo "NO: $actual vs $expected")"
for name in "${!VARIANT_GB[@]}"; do
  printf '%-52s %8.1f / %.1f ms = %.2fx\n' "$name: close / GROUP BY (medians)" "${VARIANT_CLOSE[$name]}" "${VARIANT_GB[$name]}" \
    "$(echo "${VARIANT_CLOSE[$name]} / ${VARIANT_GB[$name]}" | bc -l)"
done
printf '%-52s %14s\n' "rounds" "$BENCH_DIR/*-rounds.txt"
printf '%-52s %14s\n' "load average before (1, 5, 15 min)" "$load_before"
printf '%-52s %14s\n' "load average after" "$load_after"
