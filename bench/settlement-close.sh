#!/usr/bin/env bash
# Weekly close: settlement-service closing a week of 1 million ledger lines (one legal entity, one currency) against
# a single SQL GROUP BY over the same lines, in the same run, on the same database. The close is what production
# runs: the scheduled job finds the ended period, locks the entity's profile, sums the lines in one aggregate,
# writes the frozen report and its event to the outbox, opens the next period and commits; it is timed by the
# service's own timer (portal.settlement.close, kind=period) and from the clock move to the report's row.
#
#   bench/settlement-close.sh          # about 2 minutes here; ROWS=... to change the size
#
# Own service on 18083, own database bench_settlement, own Kafka on 19292/19293: the local platform may run beside it.
BENCH_DB=bench_settlement
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench-settlement}
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
HEAP=${HEAP:-512m}
PORT=18083
KAFKA=127.0.0.1:19292

settlement_start() {
  "$JAVA_HOME/bin/java" -Xms64m -Xmx"$HEAP" -jar "$BENCH_ROOT/settlement-service/target/settlement-service-0.1.0-SNAPSHOT.jar" \
    --server.port=$PORT --portal.environment=sandbox \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --spring.datasource.username="$PGUSER" \
    --spring.kafka.bootstrap-servers=$KAFKA --portal.settlement.close-poll-interval=200ms --logging.level.root=warn $(bench_identity_args) \
    > "$BENCH_DIR/settlement-service.log" 2>&1 &
  echo $! > "$BENCH_DIR/settlement.pid"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench settlement-service did not start; see $BENCH_DIR/settlement-service.log" >&2; exit 1
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
# ahead so that only the week closes.
sql <<SQL
INSERT INTO settlement_profile (legal_entity_id, merchant_id, registered, legal_name_en, legal_name_ar, country_code,
    currency, time_zone, cycle, period_start, period_end, invoice_from, invoice_month_end, created_at, updated_at)
SELECT '$ENTITY', '$MERCHANT', true, 'Bench Trading', 'شركة الاختبار', 'SA', 'SAR', 'Asia/Riyadh', 'WEEKLY',
    w, w + interval '7 days', w, w + interval '90 days', now(), now()
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
  to_char(period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM settlement_profile WHERE legal_entity_id = '$ENTITY'")
# The same lines and sums as the close's aggregate, with the week's bounds as literals.
GROUP_BY="SELECT currency, count(*), sum(gross) FILTER (WHERE kind = 'SALE'), -sum(gross) FILTER (WHERE kind = 'REFUND'),
  sum(fee), sum(vat), sum(net) FILTER (WHERE kind = 'CARRIED_FORWARD'), sum(net) FROM ledger_line
  WHERE legal_entity_id = '$ENTITY' AND settle_at >= '$WEEK_START' AND settle_at < '$WEEK_END' GROUP BY currency"
timed_sql "$GROUP_BY" >/dev/null                      # warm the cache for both
group_by_runs=()
for _ in 1 2 3; do group_by_runs+=("$(timed_sql "$GROUP_BY" | tail -1)"); done
expected=$(sql -c "SELECT count(*) || ' ' || sum(fee) || ' ' || sum(vat) || ' ' || sum(net) FROM ledger_line WHERE legal_entity_id = '$ENTITY'")

# The week ends when the service's clock passes next Monday 00:00 in Riyadh: move it 8 days, the job closes the week.
TOOLS_TOKEN=$(bench_tools_token)
start=$(date +%s.%N)
curl -fsS -X POST "http://127.0.0.1:$PORT/internal/clock/advance" -H "Authorization: Bearer $TOOLS_TOKEN" \
  -H 'Content-Type: application/json' -d '{"by": "P8D"}' >/dev/null
until [[ $(sql -c "SELECT count(*) FROM settlement_report WHERE legal_entity_id = '$ENTITY'") == 1 ]]; do sleep 0.5; done
end=$(date +%s.%N)
wall_ms=$(echo "($end - $start) * 1000" | bc)
close_ms=$(curl -fsS "http://127.0.0.1:$PORT/actuator/metrics/portal.settlement.close?tag=kind:period" |
  python3 -c 'import json,sys; m={x["statistic"]: x["value"] for x in json.load(sys.stdin)["measurements"]}; print(round(m["MAX"]*1000, 1))')
actual=$(sql -c "SELECT line_count || ' ' || total_fees || ' ' || total_vat || ' ' || net_payable FROM settlement_report WHERE legal_entity_id = '$ENTITY'")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median_group_by=$(printf '%s\n' "${group_by_runs[@]}" | sort -n | sed -n 2p)

printf '\n%-52s %14s\n' "weekly close ($(nproc) cores, service heap -Xmx$HEAP)" "result"
printf '%-52s %14s\n' "ledger lines in the week" "$ROWS"
printf '%-52s %11.1f ms\n' "SQL GROUP BY over the week's lines (median of 3)" "$median_group_by"
printf '%-52s %11.1f ms\n' "service close, committed (portal.settlement.close)" "$close_ms"
printf '%-52s %11.1f ms\n' "clock moved -> report row seen (polled every 0.5 s)" "$wall_ms"
printf '%-52s %13.2fx\n' "service close / GROUP BY" "$(echo "$close_ms / $median_group_by" | bc -l)"
printf '%-52s %14s\n' "report = sum of lines (count fees vat net)" "$([[ $(echo "$actual" | awk '{printf "%d %.2f %.2f %.2f", $1,$2,$3,$4}') == $(echo "$expected" | awk '{printf "%d %.2f %.2f %.2f", $1,$2,$3,$4}') ]] && echo yes || echo "NO: $actual vs $expected")"
printf '%-52s %14s\n' "load average before (1, 5, 15 min)" "$load_before"
printf '%-52s %14s\n' "load average after" "$load_after"
