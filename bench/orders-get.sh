#!/usr/bin/env bash
# GET /merchants/orders/{id} straight to orders-service (merchant API, sandbox caller) against pgbench's
# select-only workload (pgbench -S: one primary-key SELECT per transaction) on the same PostgreSQL server, in the
# same run; at CONNECTIONS connections and at one connection (latency).
#
#   bench/orders-get.sh               # about 2 minutes here (DURATION=20s per measurement)
#   PROFILE=1 bench/orders-get.sh     # and a JFR recording, pg_stat_statements and wait events of the 16-connection run
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
# Long enough for the JIT to have compiled the request path (see orders-capture.sh); the compilations during the
# measurements are printed as a check.
WARMUP=${WARMUP:-30s}
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
bench_orders_rows "$MERCHANT" "$ORDERS" AUTHORISED 300.00
psql -qAt -d "$BENCH_DB" -c "SELECT id FROM orders WHERE merchant_id = '$MERCHANT'" > "$BENCH_DIR/orders.txt"
pgbench -i -q -s 1 "$BENCH_DB" >/dev/null 2>&1

threads() { echo $(( $1 < 2 ? 1 : 2 )); }
get() {  # connections duration [output]
  wrk -t"$(threads "$1")" -c"$1" -d"$2" --latency -s "$(dirname "$0")/get.lua" "http://127.0.0.1:$BENCH_PORT" > "${3:-/dev/null}"
}
select_only() {  # connections duration [output]
  pgbench -n -S -c "$1" -j "$(threads "$1")" -T "${2%s}" "$BENCH_DB" > "${3:-/dev/null}" 2>&1
}

echo "warming up ..."
get "$CONNECTIONS" "$WARMUP"
select_only "$CONNECTIONS" 5s

echo "measuring ..."
jit_compilations() { "$JAVA_HOME/bin/jstat" -compiler "$(cat "$BENCH_DIR/orders.pid")" 2>/dev/null | awk 'NR == 2 {print $1}'; }
jit=$(jit_compilations)
bench_profile_start
bench_cpu_mark "$BENCH_DIR/cpu-n.0"
get "$CONNECTIONS" "$DURATION" "$BENCH_DIR/get.txt"
bench_cpu_mark "$BENCH_DIR/cpu-n.1"
bench_profile_stop orders-get
select_only "$CONNECTIONS" "$DURATION" "$BENCH_DIR/select.txt"
bench_cpu_mark "$BENCH_DIR/cpu-1.0"
get 1 "$DURATION" "$BENCH_DIR/get1.txt"
bench_cpu_mark "$BENCH_DIR/cpu-1.1"
jit=$(( $(jit_compilations) - jit ))
select_only 1 "$DURATION" "$BENCH_DIR/select1.txt"

ms() { awk -v q="$1" '$1 == q {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$2"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
tps() { awk '/^tps/ {print $3; exit}' "$1"; }
non2xx=$(awk '/Non-2xx/ {print $5}' "$BENCH_DIR/get.txt" "$BENCH_DIR/get1.txt" | paste -sd+ | bc)

printf '\n%-50s %12s\n' "GET order ($(nproc) cores, $DURATION per measurement)" "result"
printf '%-50s %12.0f\n' "pgbench -S, $CONNECTIONS clients, tps" "$(tps "$BENCH_DIR/select.txt")"
printf '%-50s %12.0f\n' "GET /merchants/orders/{id}, $CONNECTIONS connections, req/s" "$(rps "$BENCH_DIR/get.txt")"
printf '%-50s %12s\n' "  latency p50 / p99 (ms)" "$(ms 50% "$BENCH_DIR/get.txt") / $(ms 99% "$BENCH_DIR/get.txt")"
printf '%-50s %11.3fx\n' "GET req/s / pgbench -S tps" "$(echo "$(rps "$BENCH_DIR/get.txt") / $(tps "$BENCH_DIR/select.txt")" | bc -l)"
printf '%-50s %12.0f\n' "pgbench -S, 1 client, tps" "$(tps "$BENCH_DIR/select1.txt")"
printf '%-50s %12.0f\n' "GET, 1 connection, req/s" "$(rps "$BENCH_DIR/get1.txt")"
printf '%-50s %12s\n' "  latency p50 / p99 (ms)" "$(ms 50% "$BENCH_DIR/get1.txt") / $(ms 99% "$BENCH_DIR/get1.txt")"
printf '%-50s %12s\n' "non-2xx answers" "${non2xx:-0}"
requests() { awk '/ requests in / {print $1}' "$1"; }
bench_cpu_report "$BENCH_DIR/cpu-n.0" "$BENCH_DIR/cpu-n.1" "$(requests "$BENCH_DIR/get.txt")" ", $CONNECTIONS connections"
bench_cpu_report "$BENCH_DIR/cpu-1.0" "$BENCH_DIR/cpu-1.1" "$(requests "$BENCH_DIR/get1.txt")" ", 1 connection"
echo "JIT compilations during the GET measurements: $jit"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
