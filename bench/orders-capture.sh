#!/usr/bin/env bash
# Captures per second through the merchant API (POST /payments/capture: row lock, capture row, order update,
# timeline entry and outbox event in one transaction, then the relay publishes to Kafka) against pgbench's
# single-row updates on the same PostgreSQL server, in the same run.
#
#   bench/orders-capture.sh           # about 2.5 minutes here (DURATION=20s per measurement)
#   PROFILE=1 bench/orders-capture.sh # and a JFR recording, pg_stat_statements and wait events of the main run
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
ORDERS=${ORDERS:-2000}
bench_need wrk
trap bench_cleanup EXIT

bench_jdk; bench_build; bench_kafka_start; bench_database; bench_identity_start
bench_orders_start 512m
export MERCHANT BENCH_DIR API_TOKEN
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
API_TOKEN=$(bench_api_token "$MERCHANT")
bench_merchant "$MERCHANT"
bench_orders_rows "$MERCHANT" "$ORDERS" AUTHORISED 100000.00
psql -qAt -d "$BENCH_DB" -c "SELECT id FROM orders WHERE merchant_id = '$MERCHANT'" > "$BENCH_DIR/orders.txt"

# Baseline: the cheapest write the same server does, one-row UPDATEs by primary key.
psql -qAt -d "$BENCH_DB" -c "CREATE TABLE bench_account (id int PRIMARY KEY, balance numeric(18,3) NOT NULL DEFAULT 0);
  INSERT INTO bench_account (id) SELECT generate_series(1, $ORDERS);"
echo "\\set id random(1, $ORDERS)
UPDATE bench_account SET balance = balance + 1 WHERE id = :id;" > "$BENCH_DIR/update.sql"

echo "warming up ..."
wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d5s -s "$(dirname "$0")/capture.lua" "http://127.0.0.1:$BENCH_PORT" >/dev/null
pgbench -n -c "$CONNECTIONS" -j 2 -T 5 -f "$BENCH_DIR/update.sql" "$BENCH_DB" >/dev/null 2>&1

echo "measuring ..."
bench_profile_start
wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$(dirname "$0")/capture.lua" "http://127.0.0.1:$BENCH_PORT" > "$BENCH_DIR/wrk.txt"
bench_profile_stop orders-capture
pgbench -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$BENCH_DIR/update.sql" "$BENCH_DB" > "$BENCH_DIR/pgbench.txt" 2>&1
# Scaling: the same captures from one connection.
wrk -t1 -c1 -d"$DURATION" --latency -s "$(dirname "$0")/capture.lua" "http://127.0.0.1:$BENCH_PORT" > "$BENCH_DIR/wrk1.txt"

captures=$(awk '/Requests\/sec/ {print $2}' "$BENCH_DIR/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$BENCH_DIR/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$BENCH_DIR/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$BENCH_DIR/wrk.txt")
captures1=$(awk '/Requests\/sec/ {print $2}' "$BENCH_DIR/wrk1.txt")
p50_1=$(awk '$1 == "50%" {print $2}' "$BENCH_DIR/wrk1.txt")
tps=$(awk '/^tps/ {print $3; exit}' "$BENCH_DIR/pgbench.txt")
captured=$(psql -qAt -d "$BENCH_DB" -c "SELECT count(*) FROM order_capture")
pending=$(psql -qAt -d "$BENCH_DB" -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")

printf '\n%-50s %12s\n' "captures ($(nproc) cores, $CONNECTIONS connections, $DURATION)" "result"
printf '%-50s %12s\n' "pgbench single-row UPDATE, tps" "$tps"
printf '%-50s %12s\n' "POST /payments/capture, requests/s" "$captures"
printf '%-50s %12s\n' "capture latency p50 / p99" "$p50 / $p99"
printf '%-50s %12s\n' "non-2xx answers" "${non2xx:-0}"
printf '%-50s %11.3fx\n' "captures/s / pgbench tps" "$(echo "$captures / $tps" | bc -l)"
printf '%-50s %12s\n' "POST /payments/capture, 1 connection, requests/s" "$captures1"
printf '%-50s %12s\n' "  latency p50, 1 connection" "$p50_1"
printf '%-50s %11.2fx\n' "$CONNECTIONS connections / 1 connection" "$(echo "$captures / $captures1" | bc -l)"
printf '%-50s %12s\n' "captures recorded (incl. warm-up)" "$captured"
printf '%-50s %12s\n' "events still in the outbox at the end" "$pending"
