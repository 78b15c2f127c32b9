#!/usr/bin/env bash
# Order CSV export: the service's export of 1 million orders against PostgreSQL's own
# COPY (SELECT the same columns, same order) TO STDOUT WITH CSV of the same rows, in the same run; and the
# service's peak heap while exporting 1 million and 5 million orders (ROWS and BIG_ROWS to change them).
#
#   bench/orders-export.sh            # about 4 minutes here
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
BIG_ROWS=${BIG_ROWS:-5000000}
HEAP=${HEAP:-512m}
trap bench_cleanup EXIT

bench_jdk; bench_build; bench_kafka_start; bench_database
bench_orders_start "$HEAP"
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
bench_merchant "$MERCHANT"

# Runs one export of every order of the merchant and prints "seconds peak_heap_mb rows".
export_once() {
  local id; id=$(cat /proc/sys/kernel/random/uuid)
  psql -qAt -d "$BENCH_DB" -c "INSERT INTO order_export (id, merchant_id, requested_by, filters, created_from, created_to,
      time_zone, status, created_at, version) VALUES ('$id', '$MERCHANT', 'bench', '{\"include_hidden\": true}',
      current_date - 60, current_date + 1, 'Asia/Riyadh', 'QUEUED', now(), 0)"
  local start peak=0 heap status
  start=$(date +%s.%N)
  while true; do
    heap=$(bench_heap_mb); (( heap > peak )) && peak=$heap
    status=$(psql -qAt -d "$BENCH_DB" -c "SELECT status FROM order_export WHERE id = '$id'")
    [[ $status == DONE || $status == FAILED ]] && break
    sleep 0.2
  done
  local finished rows
  finished=$(psql -qAt -d "$BENCH_DB" -c "SELECT extract(epoch FROM finished_at - started_at) FROM order_export WHERE id = '$id'")
  rows=$(psql -qAt -d "$BENCH_DB" -c "SELECT rows_written FROM order_export WHERE id = '$id'")
  [[ $status == DONE ]] || { echo "export failed: $(psql -qAt -d "$BENCH_DB" -c "SELECT error FROM order_export WHERE id = '$id'")" >&2; exit 1; }
  echo "$finished $peak $rows"
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

echo "loading $ROWS orders ..."
bench_orders_rows "$MERCHANT" "$ROWS" FULLY_CAPTURED 300.00

copy_once >/dev/null            # warm the cache for both
read -r export_s export_heap export_rows < <(export_once)
copy_s=$(copy_once)
read -r export2_s _ _ < <(export_once)
best_export=$(echo "if ($export_s < $export2_s) $export_s else $export2_s" | bc)

echo "loading up to $BIG_ROWS orders ..."
bench_orders_rows "$MERCHANT" $((BIG_ROWS - ROWS)) FULLY_CAPTURED 300.00
read -r big_s big_heap big_rows < <(export_once)

printf '\n%-46s %12s\n' "order export ($(nproc) cores, heap -Xmx$HEAP)" "result"
printf '%-46s %12s\n' "rows exported" "$export_rows"
printf '%-46s %11.2fs\n' "PostgreSQL COPY ... TO STDOUT WITH CSV" "$copy_s"
printf '%-46s %11.2fs\n' "service export (best of 2)" "$best_export"
printf '%-46s %11.2fx\n' "service / COPY" "$(echo "$best_export / $copy_s" | bc -l)"
printf '%-46s %9d MB\n' "service peak heap, $export_rows rows" "$export_heap"
printf '%-46s %9d MB\n' "service peak heap, $big_rows rows" "$big_heap"
printf '%-46s %11.2fs\n' "service export, $big_rows rows" "$big_s"
printf '%-46s %12s\n' "CSV bytes (service, 1M)" "$(stat -c %s "$BENCH_DIR"/exports/*.csv 2>/dev/null | head -1)"
