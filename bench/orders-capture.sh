#!/usr/bin/env bash
# Captures per second through the merchant API (POST /payments/capture: row lock, capture row, order update,
# timeline entry and outbox event in one transaction, then the relay publishes to Kafka) against pgbench's
# single-row updates on the same PostgreSQL server, in the same run.
#
#   bench/orders-capture.sh           # about 2.5 minutes here (DURATION=20s per measurement)
#   PROFILE=1 bench/orders-capture.sh # and a JFR recording, pg_stat_statements and wait events of the main run
#   COMPARE="before=/tmp/orders-old.jar sampled=,--management.tracing.sampling.probability=0.1" bench/orders-capture.sh
#                                     # other orders-service builds or settings measured in the same run (name=jar,arg,...;
#                                     # an empty jar is this tree's build), one after the other on the same orders
#
# Each orders-service is warmed up for WARMUP (30 s) before it is measured: the JIT compiles the request path for the
# first tens of seconds (thousands of compilations, on the same two cores), and a measurement taken during that
# measures the compiler. The JIT compilations during the measurements are printed as a check (near 0 is steady).
# Then each process's CPU is taken for IDLE (10 s) with no requests: what it spends per second whatever the load.
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
IDLE=${IDLE:-10s}
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

threads() { echo $(( $1 < 2 ? 1 : 2 )); }
captures() {  # connections duration output
  wrk -t"$(threads "$1")" -c"$1" -d"$2" --latency -s "$(dirname "$0")/capture.lua" "http://127.0.0.1:$BENCH_PORT" > "$3"
}
jit_compilations() { "$JAVA_HOME/bin/jstat" -compiler "$(cat "$BENCH_DIR/orders.pid")" 2>/dev/null | awk 'NR == 2 {print $1}'; }
requests() { awk '/ requests in / {print $1}' "$1"; }

# Warms the running orders-service up, then measures it at $CONNECTIONS connections and at one: $BENCH_DIR/$1-n.txt,
# $1-1.txt, their CPU per request in $1-cpu.txt; with profile=1 (the main build) the PROFILE=1 recordings.
measure() {  # name [profile]
  local name=$1 profile=${2:-0} jit
  # Each build starts from the same tables: every capture leaves a dead version of its order's row (and, as
  # updated_at is indexed, new index entries), and this server may run without autovacuum.
  psql -qAt -d "$BENCH_DB" -c "VACUUM ANALYZE" >/dev/null
  echo "warming up $name ($WARMUP) ..."
  captures "$CONNECTIONS" "$WARMUP" /dev/null
  # What the processes use with no request at all (the relay's and consumers' polling, the broker's own work), so
  # that the CPU per capture below can be told from CPU per second.
  bench_cpu_mark "$BENCH_DIR/cpu-idle.0"
  sleep "${IDLE%s}"
  bench_cpu_mark "$BENCH_DIR/cpu-idle.1"
  echo "measuring $name ..."
  jit=$(jit_compilations)
  [[ $profile == 1 ]] && bench_profile_start
  bench_cpu_mark "$BENCH_DIR/cpu-n.0"
  bench_threads_mark "$(cat "$BENCH_DIR/orders.pid")" "$BENCH_DIR/threads-n.0"
  captures "$CONNECTIONS" "$DURATION" "$BENCH_DIR/$name-n.txt"
  bench_threads_mark "$(cat "$BENCH_DIR/orders.pid")" "$BENCH_DIR/threads-n.1"
  bench_cpu_mark "$BENCH_DIR/cpu-n.1"
  [[ $profile == 1 ]] && bench_profile_stop orders-capture
  bench_cpu_mark "$BENCH_DIR/cpu-1.0"
  captures 1 "$DURATION" "$BENCH_DIR/$name-1.txt"
  bench_cpu_mark "$BENCH_DIR/cpu-1.1"
  {
    bench_cpu_report "$BENCH_DIR/cpu-idle.0" "$BENCH_DIR/cpu-idle.1" "${IDLE%s}" ", idle, no requests" second
    bench_cpu_report "$BENCH_DIR/cpu-n.0" "$BENCH_DIR/cpu-n.1" "$(requests "$BENCH_DIR/$name-n.txt")" ", $CONNECTIONS connections"
    bench_threads_report "$BENCH_DIR/threads-n.0" "$BENCH_DIR/threads-n.1" "$(requests "$BENCH_DIR/$name-n.txt")" ", $CONNECTIONS connections"
    bench_cpu_report "$BENCH_DIR/cpu-1.0" "$BENCH_DIR/cpu-1.1" "$(requests "$BENCH_DIR/$name-1.txt")" ", 1 connection"
    echo "JIT compilations during these measurements: $(( $(jit_compilations) - jit ))"
  } > "$BENCH_DIR/$name-cpu.txt"
}

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
measure main 1
# Baseline: the same server's single-row UPDATEs, warmed up too, right after the main measurement.
pgbench -n -c "$CONNECTIONS" -j 2 -T 5 -f "$BENCH_DIR/update.sql" "$BENCH_DB" >/dev/null 2>&1
pgbench -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$BENCH_DIR/update.sql" "$BENCH_DB" > "$BENCH_DIR/pgbench.txt" 2>&1

# Other builds or settings in the same run: COMPARE="name=jar,arg,arg name2=,arg ...".
read -r -a VARIANTS <<< "${COMPARE:-}"
NAMES=(main)
for variant in "${VARIANTS[@]}"; do
  name=${variant%%=*}
  IFS=',' read -r -a spec <<< "${variant#*=}"
  bench_orders_stop
  BENCH_ORDERS_JAR=${spec[0]} BENCH_ORDERS_ARGS="${spec[*]:1}" bench_orders_start 512m
  measure "$name"
  NAMES+=("$name")
done

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p() { awk -v q="$1" '$1 == q {print $2}' "$2"; }
tps=$(awk '/^tps/ {print $3; exit}' "$BENCH_DIR/pgbench.txt")
non2xx=$(cat "$BENCH_DIR"/*-n.txt "$BENCH_DIR"/*-1.txt | awk '/Non-2xx/ {s += $5} END {print s + 0}')
captured=$(psql -qAt -d "$BENCH_DB" -c "SELECT count(*) FROM order_capture")
pending=$(psql -qAt -d "$BENCH_DB" -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")

printf '\n%-50s %12s\n' "captures ($(nproc) cores, $CONNECTIONS connections, $DURATION)" "result"
printf '%-50s %12s\n' "pgbench single-row UPDATE, tps" "$tps"
printf '%-50s %12s\n' "POST /payments/capture, requests/s" "$(rps "$BENCH_DIR/main-n.txt")"
printf '%-50s %12s\n' "capture latency p50 / p99" "$(p 50% "$BENCH_DIR/main-n.txt") / $(p 99% "$BENCH_DIR/main-n.txt")"
printf '%-50s %12s\n' "non-2xx answers" "$non2xx"
printf '%-50s %11.3fx\n' "captures/s / pgbench tps" "$(echo "$(rps "$BENCH_DIR/main-n.txt") / $tps" | bc -l)"
printf '%-50s %12s\n' "POST /payments/capture, 1 connection, requests/s" "$(rps "$BENCH_DIR/main-1.txt")"
printf '%-50s %12s\n' "  latency p50, 1 connection" "$(p 50% "$BENCH_DIR/main-1.txt")"
printf '%-50s %11.2fx\n' "$CONNECTIONS connections / 1 connection" "$(echo "$(rps "$BENCH_DIR/main-n.txt") / $(rps "$BENCH_DIR/main-1.txt")" | bc -l)"
printf '%-50s %12s\n' "captures recorded (incl. warm-up)" "$captured"
printf '%-50s %12s\n' "events still in the outbox at the end" "$pending"
for name in "${NAMES[@]}"; do
  printf '\n%s: %s connections %s/s (p50 %s, p99 %s), 1 connection %s/s (p50 %s)\n' "$name" "$CONNECTIONS" \
    "$(rps "$BENCH_DIR/$name-n.txt")" "$(p 50% "$BENCH_DIR/$name-n.txt")" "$(p 99% "$BENCH_DIR/$name-n.txt")" \
    "$(rps "$BENCH_DIR/$name-1.txt")" "$(p 50% "$BENCH_DIR/$name-1.txt")"
  cat "$BENCH_DIR/$name-cpu.txt"
done
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
