#!/usr/bin/env bash
# The gateway's cost: the same request (a merchant's GET /merchants/orders/{id} with its API token) straight to
# orders-service and through a gateway, in one run, with wrk. The gateway here is a second instance on port
# 18080 in front of the local platform's services, with the same filters as in production (Redis rate limits
# with limits raised out of the way, token check, circuit breaker and time limit, proxy).
#
#   ./portal start && bench/gateway-overhead.sh       # about 1.5 minutes here
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
curl -fsS http://127.0.0.1:8082/actuator/health/readiness >/dev/null 2>&1 || { echo "start the platform first: ./portal start" >&2; exit 1; }
bench_jdk

TOKEN=$(python3 -c 'import json;print(json.load(open("'"$BENCH_ROOT"'/.run/demo-credentials.json"))["api_token"]["token"])')
ORDER=$(curl -fsS http://127.0.0.1:8080/checkout -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d '{
  "order_reference_id": "BENCH-GW", "total_amount": {"amount": 100.00, "currency": "SAR"}, "country_code": "SA",
  "items": [{"reference_id": "1", "type": "Physical", "name": "Lamp", "sku": "L-1", "quantity": 1,
             "total_amount": {"amount": 100.00, "currency": "SAR"}}],
  "consumer": {"first_name": "Noura", "last_name": "Al-Harbi", "phone_number": "+966500000001", "email": "n@example.com"},
  "shipping_address": {"first_name": "Noura", "last_name": "Al-Harbi", "line1": "King Fahd Rd", "city": "Riyadh", "country_code": "SA"}}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["order_id"])')

"$JAVA_HOME/bin/java" -Xmx512m -jar "$BENCH_ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar" --server.port=18080 \
  --management.server.port=18090 --portal.environment=sandbox --logging.level.root=warn --logging.level.gateway.access=warn \
  --portal.gateway.rate-limits.redis-url=redis://127.0.0.1:6379 --portal.gateway.rate-limits.redis-key-prefix=bench: \
  --portal.gateway.rate-limits.per-address=1000000000 --portal.gateway.rate-limits.per-api-token=1000000000 \
  > "$BENCH_DIR/gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:18080/actuator/health/liveness >/dev/null 2>&1 && break; sleep 0.5; done

measure() {  # url -> wrk output file
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1" > "$2"
}
echo "warming up ..."
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8082/merchants/orders/$ORDER" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18080/merchants/orders/$ORDER" >/dev/null
echo "measuring ..."
measure "http://127.0.0.1:8082/merchants/orders/$ORDER" "$BENCH_DIR/direct.txt"
measure "http://127.0.0.1:18080/merchants/orders/$ORDER" "$BENCH_DIR/gateway.txt"

ms() { awk -v q="$1" '$1 == q {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$2"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
d50=$(ms 50% "$BENCH_DIR/direct.txt"); d99=$(ms 99% "$BENCH_DIR/direct.txt")
g50=$(ms 50% "$BENCH_DIR/gateway.txt"); g99=$(ms 99% "$BENCH_DIR/gateway.txt")
drps=$(rps "$BENCH_DIR/direct.txt"); grps=$(rps "$BENCH_DIR/gateway.txt")

printf '\n%-40s %12s %12s %12s\n' "GET order ($(nproc) cores, $CONNECTIONS conns, $DURATION)" "direct" "gateway" "added"
printf '%-40s %12.2f %12.2f %12.2f\n' "latency p50 (ms)" "$d50" "$g50" "$(echo "$g50 - $d50" | bc -l)"
printf '%-40s %12.2f %12.2f %12.2f\n' "latency p99 (ms)" "$d99" "$g99" "$(echo "$g99 - $d99" | bc -l)"
printf '%-40s %12.0f %12.0f %11.2fx\n' "requests/s (gateway/direct)" "$drps" "$grps" "$(echo "$grps / $drps" | bc -l)"
