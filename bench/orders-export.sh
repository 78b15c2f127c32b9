#!/usr/bin/env bash
# Order CSV export: the service's export of 1 million orders against PostgreSQL's own
# COPY (SELECT the same columns, same order) TO STDOUT WITH CSV of the same rows, in the same run; and the
# service's heap while exporting 1 million and 5 million orders (ROWS and BIG_ROWS to change them).
#
#   bench/orders-export.sh            # about 5 minutes here; hold /tmp/platform.lock (fixed ports)
#   BENCH_ORDERS_JAR=/tmp/old.jar bench/orders-export.sh   # another build
#
# Heap, two measures from the service's GC log (-Xlog:gc): "live heap" is the heap left after a full GC forced
# (jcmd GC.run) at half and three quarters of a separate export: what the export holds, which must not grow with
# the rows. "Peak heap in use" is the most the heap held before a collection during the timed exports: mostly
# garbage waiting for the next young collection, so it follows G1's young-generation sizing (which grows during a
# long export), not the export's memory. The timed exports are not sampled: the export's time is its own row's
# started_at..finished_at, and the status is polled every 0.5 s.
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
BIG_ROWS=${BIG_ROWS:-5000000}
HEAP=${HEAP:-512m}
trap bench_cleanup EXIT

bench_jdk; bench_build; bench_kafka_start; bench_database
GC_LOG=$BENCH_DIR/orders-gc.log
rm -rf "$GC_LOG" "$BENCH_DIR/exports"
BENCH_ORDERS_JVM="${BENCH_ORDERS_JVM:-} -Xlog:gc:file=$GC_LOG" bench_orders_start "$HEAP"
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
bench_merchant "$MERCHANT"
psql -qAt -d "$BENCH_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Queues an export of every order of the merchant; prints its id.
export_queue() {
  local id; id=$(cat /proc/sys/kernel/random/uuid)
  psql -qAt -d "$BENCH_DB" -c "INSERT INTO order_export (id, merchant_id, requested_by, filters, created_from, created_to,
      time_zone, status, created_at, version) VALUES ('$id', '$MERCHANT', 'bench', '{\"include_hidden\": true}',
      current_date - 60, current_date + 1, 'Asia/Riyadh', 'QUEUED', now(), 0)"
  echo "$id"
}

export_status() { psql -qAt -d "$BENCH_DB" -c "SELECT status || ' ' || coalesce(rows_written, 0) FROM order_export WHERE id = '$1'"; }

# The service's COPY statement as PostgreSQL ran it, whole (pg_stat_activity cuts it at 1 kB), for the second baseline.
SERVICE_COPY=$BENCH_DIR/service-copy.sql
save_service_copy() {
  psql -qAt -d "$BENCH_DB" -c "SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database
    WHERE datname = current_database()) AND query LIKE 'COPY (SELECT id AS order_id%' LIMIT 1" > "$SERVICE_COPY"
}

# Waits for export $1 to end; prints "seconds rows". With $2 (the rows expected), forces a full GC when the export
# has written half and three quarters of them (the live-heap run).
export_wait() {
  local id=$1 expected=${2:-0} status rows next=2
  while true; do
    read -r status rows < <(export_status "$id")
    [[ $status == DONE || $status == FAILED ]] && break
    if (( expected > 0 && next <= 3 && rows * 4 >= expected * next )); then
      "$JAVA_HOME/bin/jcmd" "$(cat "$BENCH_DIR/orders.pid")" GC.run >/dev/null
      next=$((next + 1))
    fi
    sleep 0.5
  done
  [[ $status == DONE ]] || { echo "export failed: $(psql -qAt -d "$BENCH_DB" -c "SELECT error FROM order_export WHERE id = '$id'")" >&2; exit 1; }
  psql -qAt -F ' ' -d "$BENCH_DB" -c "SELECT extract(epoch FROM finished_at - started_at), rows_written FROM order_export WHERE id = '$id'"
}

# The GC log's lines from line $1 on: "peak before GC" and "peak after a forced full GC" (jcmd's "Pause Full
# (Diagnostic Command)") in MB.
gc_peaks() {
  tail -n +"$1" "$GC_LOG" | awk '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M/) { split(substr($0, RSTART, RLENGTH - 1), m, "M->")
      if (m[1] + 0 > before) before = m[1] + 0
      if (/Pause Full/ && m[2] + 0 > live) live = m[2] + 0 }
    END { print before + 0, live + 0 }'
}
gc_line() { echo $(( $(wc -l < "$GC_LOG") + 1 )); }

# One timed export: prints "seconds rows peak_heap_before_gc_mb".
export_timed() {
  local from seconds rows peak _
  from=$(gc_line)
  read -r seconds rows < <(export_wait "$(export_queue)")
  read -r peak _ < <(gc_peaks "$from")
  echo "$seconds $rows $peak"
}

# One export with full GCs forced half and three quarters through: prints "live_heap_mb".
export_live_heap() {
  local from live _
  from=$(gc_line)
  export_wait "$(export_queue)" "$1" >/dev/null
  read -r _ live < <(gc_peaks "$from")
  echo "$live"
}

copy_once() {
  local start end
  start=$(date +%s.%N)
  psql -qAt -d "$BENCH_DB" -c "COPY (SELECT id, order_reference_id, order_number, created_at, updated_at, status,
      legal_entity_id, country_code, currency, total_amount, captured_amount, refunded_amount, canceled_amount,
      tax_amount, shipping_amount, discount_amount, payment_type, instalments, consumer_first_name,
      consumer_last_name, consumer_email, consumer_phone_number FROM orders WHERE merchant_id = '$MERCHANT'
      ORDER BY created_at, id) TO STDOUT WITH CSV HEADER" > "$BENCH_DIR/copy.csv"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# PostgreSQL alone running the service's own COPY (neutralising, rounding, time formatting), through psql: what the
# export would take with no JVM at all.
service_copy_once() {
  local start end
  start=$(date +%s.%N)
  psql -qAt -d "$BENCH_DB" -c "BEGIN" -c "SELECT set_config('TimeZone', 'Asia/Riyadh', true)" -c "$(cat "$SERVICE_COPY")" \
    -c "COMMIT" > "$BENCH_DIR/service-copy.csv"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "loading $ROWS orders ..."
bench_orders_rows "$MERCHANT" "$ROWS" FULLY_CAPTURED 300.00

copy_once >/dev/null            # warm the cache for both
read -r export_s export_rows export_peak < <(export_timed)
copy_s=$(copy_once)
read -r export2_s _ export2_peak < <(export_timed)
save_service_copy
service_copy_s=$(service_copy_once)
best_export=$(echo "if ($export_s < $export2_s) $export_s else $export2_s" | bc)
(( export2_peak > export_peak )) && export_peak=$export2_peak
csv_bytes=$(stat -c %s "$BENCH_DIR"/exports/*.csv 2>/dev/null | head -1)
live=$(export_live_heap "$export_rows")

echo "loading up to $BIG_ROWS orders ..."
bench_orders_rows "$MERCHANT" $((BIG_ROWS - ROWS)) FULLY_CAPTURED 300.00
read -r big_s big_rows big_peak < <(export_timed)
big_live=$(export_live_heap "$big_rows")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

printf '\n%-50s %12s\n' "order export ($(nproc) cores, heap -Xmx$HEAP)" "result"
printf '%-50s %12s\n' "rows exported" "$export_rows"
printf '%-50s %11.2fs\n' "PostgreSQL COPY ... TO STDOUT WITH CSV" "$copy_s"
printf '%-50s %11.2fs\n' "service export (best of 2)" "$best_export"
printf '%-50s %11.2fx\n' "service / COPY" "$(echo "$best_export / $copy_s" | bc -l)"
printf '%-50s %11.2fs\n' "PostgreSQL alone, the service's own COPY (psql)" "$service_copy_s"
printf '%-50s %11.2fx\n' "service / the service's own COPY in psql" "$(echo "$best_export / $service_copy_s" | bc -l)"
printf '%-50s %9d MB\n' "service live heap, $export_rows rows" "$live"
printf '%-50s %9d MB\n' "service live heap, $big_rows rows" "$big_live"
printf '%-50s %11.2fx\n' "live heap $big_rows / $export_rows rows" "$(echo "$big_live / $live" | bc -l)"
printf '%-50s %9d MB\n' "peak heap in use (before a GC), $export_rows rows" "$export_peak"
printf '%-50s %9d MB\n' "peak heap in use (before a GC), $big_rows rows" "$big_peak"
printf '%-50s %11.2fs\n' "service export, $big_rows rows" "$big_s"
printf '%-50s %12s\n' "CSV bytes (service, $export_rows rows)" "$csv_bytes"
printf '%-50s %14s\n' "load average before (1, 5, 15 min)" "$load_before"
printf '%-50s %14s\n' "load average after" "$load_after"
