#!/usr/bin/env bash
# The gateway's cost: the same request (a merchant's GET /merchants/orders/{id} with its API token) straight to
# orders-service, through nginx and through the gateway, in one run, with wrk. Everything is the benchmark's own:
# a Kafka broker, a database and an orders-service (bench/lib.sh), the gateway on port 18080 with the same filters
# as in production (rate limits in Redis with the limits raised out of the way, token check, circuit breaker and
# time limit, proxy), and nginx (Debian's package, installed when missing) on port 18088 as a plain keep-alive
# reverse proxy in front of the same orders-service: the floor of what any proxy hop costs on this machine.
# identity-service is a stand-in answering the API token's introspection (bench/identity_stub.py): the gateway and
# orders-service both cache its answer for a minute, so it is off the measured path.
#
# Two measures per path: one connection (the latency a hop adds, without queueing) and $CONNECTIONS connections
# (throughput with the CPU saturated; there p50 is only connections / throughput, so the ratio says it all).
#
#   bench/gateway-overhead.sh                 # about 5 minutes here; hold /tmp/platform.lock (fixed ports)
#   PROFILE=1 bench/gateway-overhead.sh       # also a JFR profile of the gateway under load (hot methods)
#   COMPARE="mvc=/tmp/gateway-mvc.jar" bench/gateway-overhead.sh
#                                             # other gateways measured in the same run (name=jar,arg,...), e.g. the
#                                             # Server MVC gateway before ADR 5's switch, built from d41cc47
#   FLAVOURS=1 bench/gateway-overhead.sh     # also a bare proxy of each Spring Cloud Gateway flavour with no filters
#                                             # (bare-webflux, bare-mvc): bench/gateway-flavours, built here (Maven
#                                             # profile bench-gateway-flavours, never in the product build) when a jar
#                                             # is missing; delete bench/gateway-flavours/*/target to rebuild
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
NGINX_PORT=${NGINX_PORT:-18088}
GATEWAY_PORT=18080
IDENTITY_PORT=18081
bench_need wrk
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "installing nginx (Debian package) ..."
  { apt-get install -y -q nginx-light >/dev/null 2>&1 || apt-get install -y -q nginx >/dev/null; } ||
    { echo "could not install nginx: apt-get install nginx" >&2; exit 1; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; bench_cleanup; }
trap cleanup EXIT

bench_jdk; bench_build orders-service; bench_build gateway
FLAVOUR_JARS=()
if [[ ${FLAVOURS:-0} == 1 ]]; then
  for flavour in bare-webflux bare-mvc; do
    FLAVOUR_JARS+=("$flavour=$BENCH_ROOT/bench/gateway-flavours/$flavour/target/bench-gateway-$flavour-0.1.0-SNAPSHOT.jar")
  done
  for flavour in "${FLAVOUR_JARS[@]}"; do
    if [[ ! -f ${flavour#*=} ]]; then
      echo "building the gateway flavours (bench/gateway-flavours) ..."
      (cd "$BENCH_ROOT" && ./mvnw -B -q -DskipTests -P bench-gateway-flavours package \
        -pl bench/gateway-flavours/bare-webflux,bench/gateway-flavours/bare-mvc -am)
      break
    fi
  done
fi
bench_kafka_start; bench_database
MERCHANT=$(cat /proc/sys/kernel/random/uuid)
TOKEN="ppk_sandbox_bench_$(cat /proc/sys/kernel/random/uuid | tr -d -)"
python3 "$(dirname "$0")/identity_stub.py" "$IDENTITY_PORT" "$TOKEN" "$MERCHANT" &
PIDS+=($!)
BENCH_ORDERS_ARGS="--portal.services.identity-url=http://127.0.0.1:$IDENTITY_PORT" bench_orders_start 512m
bench_merchant "$MERCHANT"
bench_orders_rows "$MERCHANT" 1 AUTHORISED 300.00
ORDER=$(psql -qAt -d "$BENCH_DB" -c "SELECT id FROM orders WHERE merchant_id = '$MERCHANT'")

# nginx as a reverse proxy should be set up: keep-alive connections to the service, no access log (the gateway's
# access log is off here too), one worker per core.
mkdir -p "$BENCH_DIR/nginx"
cat > "$BENCH_DIR/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $BENCH_DIR/nginx/nginx.pid;
error_log $BENCH_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $BENCH_DIR/nginx; proxy_temp_path $BENCH_DIR/nginx; fastcgi_temp_path $BENCH_DIR/nginx;
  uwsgi_temp_path $BENCH_DIR/nginx; scgi_temp_path $BENCH_DIR/nginx;
  upstream orders { server 127.0.0.1:$BENCH_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://orders;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
"$NGINX" -p "$BENCH_DIR/nginx" -c "$BENCH_DIR/nginx/nginx.conf" -g 'daemon off;' 2>"$BENCH_DIR/nginx/stderr.log" &
PIDS+=($!)
NGINX_PID=$!

# A gateway from jar $1 (empty: this tree's build) with extra arguments $2..., on $GATEWAY_PORT; waits until ready.
gateway_start() {
  local jar=${1:-$BENCH_ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar}; shift
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" --server.port=$GATEWAY_PORT \
    --management.server.port=18090 --portal.environment=sandbox --logging.level.root=warn --logging.level.gateway.access=warn \
    --portal.services.orders-url=http://127.0.0.1:$BENCH_PORT --portal.services.identity-url=http://127.0.0.1:$IDENTITY_PORT \
    --spring.kafka.bootstrap-servers=$BENCH_KAFKA \
    --portal.gateway.rate-limits.redis-url=redis://127.0.0.1:6379 --portal.gateway.rate-limits.redis-key-prefix=bench: \
    --portal.gateway.rate-limits.per-address=1000000000 --portal.gateway.rate-limits.per-api-token=1000000000 \
    "$@" > "$BENCH_DIR/gateway.log" 2>&1 &
  GATEWAY=$!
  PIDS+=($GATEWAY)
  BENCH_CPU_EXTRA_PID=$GATEWAY
  # Readiness on the management port: every flavour has it there, the gateway also on its public port.
  for _ in $(seq 1 $(( ${BENCH_START_WAIT:-180} * 2 ))); do
    curl -fsS http://127.0.0.1:18090/actuator/health/readiness >/dev/null 2>&1 && return 0; sleep 0.5
  done
  echo "the gateway did not start; see $BENCH_DIR/gateway.log" >&2; exit 1
}
gateway_stop() { kill "$GATEWAY" 2>/dev/null; wait "$GATEWAY" 2>/dev/null || true; }
for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/actuator/health/liveness" 2>/dev/null && break; sleep 0.25; done

DIRECT="http://127.0.0.1:$BENCH_PORT/merchants/orders/$ORDER"
VIA_NGINX="http://127.0.0.1:$NGINX_PORT/merchants/orders/$ORDER"
VIA_GATEWAY="http://127.0.0.1:$GATEWAY_PORT/merchants/orders/$ORDER"
measure() {  # connections url -> wrk output file (and the CPU used meanwhile, $3.cpu)
  bench_cpu_mark "$3.cpu0"
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$2" > "$3"
  bench_cpu_mark "$3.cpu1"
  bench_cpu_report "$3.cpu0" "$3.cpu1" "$(awk '/ requests in / {print $1}' "$3")" "" > "$3.cpu"
}
ok() {  # waits until the path answers 200 (a service takes traffic once its revocation view is loaded)
  for _ in $(seq 1 $(( ${BENCH_START_WAIT:-180} * 2 ))); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1") == 200 ]] && return 0; sleep 0.5
  done
  echo "not 200: $1 answers $(curl -s -H "Authorization: Bearer $TOKEN" "$1")" >&2; exit 1
}
warm() { ok "$1"; wrk -t2 -c"$CONNECTIONS" -d"${2:-${WARMUP:-10s}}" -H "Authorization: Bearer $TOKEN" "$1" >/dev/null; }

# Other gateways to compare in the same run, measured after the main one: COMPARE="name=jar,arg,arg name2=,arg ..."
# (an empty jar is this tree's build), e.g. COMPARE="mvc=/tmp/gateway-mvc.jar".
read -r -a VARIANTS <<< "${COMPARE:-}"
VARIANTS+=("${FLAVOUR_JARS[@]}")
echo "warming up and measuring ..."
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
PATHS=(direct nginx gateway)
# orders-service is every path's back end: warmed for longer first, so that its baseline is not measured cold
# (with 10 s, the direct path measured again at the end gave 1.2-1.9x its first figure, flattering every ratio).
warm "$DIRECT" "${SERVICE_WARMUP:-60s}"; measure 1 "$DIRECT" "$BENCH_DIR/direct-1.txt"; measure "$CONNECTIONS" "$DIRECT" "$BENCH_DIR/direct-n.txt"
export BENCH_CPU_EXTRA_NAME=nginx BENCH_CPU_EXTRA_PID="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
warm "$VIA_NGINX"; measure 1 "$VIA_NGINX" "$BENCH_DIR/nginx-1.txt"; measure "$CONNECTIONS" "$VIA_NGINX" "$BENCH_DIR/nginx-n.txt"
BENCH_CPU_EXTRA_NAME=gateway
IFS=',' read -r -a extra <<< "${GATEWAY_ARGS:-}"
gateway_start "${GATEWAY_JAR:-}" "${extra[@]}"
# Each gateway warmed for 30 s before it is measured (GATEWAY_WARMUP): with 2 x 10 s, the first one of a run measured
# up to 1.6x the CPU per request of the same jar measured later (ADR 5, "measured after the switch").
warm "$VIA_GATEWAY" "${GATEWAY_WARMUP:-30s}"; warm "$VIA_GATEWAY"; measure 1 "$VIA_GATEWAY" "$BENCH_DIR/gateway-1.txt"
if [[ ${PROFILE:-0} == 1 ]]; then "$JAVA_HOME/bin/jcmd" "$GATEWAY" JFR.start name=bench settings=profile >/dev/null; fi
measure "$CONNECTIONS" "$VIA_GATEWAY" "$BENCH_DIR/gateway-n.txt"
if [[ ${PROFILE:-0} == 1 ]]; then
  "$JAVA_HOME/bin/jcmd" "$GATEWAY" JFR.dump name=bench filename="$BENCH_DIR/gateway.jfr" >/dev/null
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$BENCH_DIR/gateway.jfr" > "$BENCH_DIR/gateway-hot-methods.txt" || true
  echo "JFR: $BENCH_DIR/gateway.jfr, hot methods in $BENCH_DIR/gateway-hot-methods.txt"
fi
gateway_stop
for variant in "${VARIANTS[@]}"; do
  name=${variant%%=*}
  IFS=',' read -r -a spec <<< "${variant#*=}"
  gateway_start "${spec[0]:-}" "${spec[@]:1}"
  warm "$VIA_GATEWAY" "${GATEWAY_WARMUP:-30s}"; warm "$VIA_GATEWAY"
  measure 1 "$VIA_GATEWAY" "$BENCH_DIR/$name-1.txt"; measure "$CONNECTIONS" "$VIA_GATEWAY" "$BENCH_DIR/$name-n.txt"
  gateway_stop
  PATHS+=("$name")
done
# The direct path once more at the end: how far the machine drifted during the run.
measure "$CONNECTIONS" "$DIRECT" "$BENCH_DIR/direct-again-n.txt"

ms() { awk -v q="$1" '$1 == q {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$2"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
f() { printf '%.2f' "$(echo "$1" | bc -l)"; }
declare -A P1 P50 P99 RPS
for path in "${PATHS[@]}"; do
  P1[$path]=$(ms 50% "$BENCH_DIR/$path-1.txt")
  P50[$path]=$(ms 50% "$BENCH_DIR/$path-n.txt"); P99[$path]=$(ms 99% "$BENCH_DIR/$path-n.txt")
  RPS[$path]=$(rps "$BENCH_DIR/$path-n.txt")
done

printf "\nGET /merchants/orders/{id}, %s cores, %s each, load average before: %s, after: %s\n" "$(nproc)" "$DURATION" \
  "$LOAD_BEFORE" "$(cut -d" " -f1-3 /proc/loadavg)"
printf '%-14s %14s %14s %14s %14s %14s %12s\n' "path" "1 conn p50 ms" "adds (ms)" "$CONNECTIONS conn p50" "p99 ms" "requests/s" "x direct"
for path in "${PATHS[@]}"; do
  printf '%-14s %14.2f %14s %14.2f %14.2f %14.0f %11sx\n' "$path" "${P1[$path]}" "$(f "${P1[$path]} - ${P1[direct]}")" \
    "${P50[$path]}" "${P99[$path]}" "${RPS[$path]}" "$(f "${RPS[$path]} / ${RPS[direct]}")"
done
printf '%-14s %14s %14s %14s %14s %14.0f %11sx\n' "direct, again" "" "" "" "" "$(rps "$BENCH_DIR/direct-again-n.txt")" \
  "$(f "$(rps "$BENCH_DIR/direct-again-n.txt") / ${RPS[direct]}")"
echo "CPU milliseconds per request at $CONNECTIONS connections (the service, the proxy in front of it, the rest):"
for path in "${PATHS[@]}"; do printf '  %-12s %s\n' "$path" "$(sed 's/^CPU ms per request //' "$BENCH_DIR/$path-n.txt.cpu")"; done
echo "goal: the gateway adds <= 2 ms p50 (1 connection) and keeps >= 0.70x the direct requests/s"
# One line for bench/all.sh.
echo "RESULT gateway-overhead gateway $(f "${RPS[gateway]} / ${RPS[direct]}")x direct req/s, +$(f "${P1[gateway]} - ${P1[direct]}") ms p50; nginx $(f "${RPS[nginx]} / ${RPS[direct]}")x, +$(f "${P1[nginx]} - ${P1[direct]}") ms"
