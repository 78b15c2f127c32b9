# Shared by the benchmarks: a JDK 21+, the built jars, a Kafka broker and an orders-service of their own, on
# ports and a database that do not touch the local platform (./portal start may run beside them).
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench}
BENCH_DB=${BENCH_DB:-bench_orders}
BENCH_PORT=18082
BENCH_IDENTITY_PORT=18081
BENCH_IDENTITY_DB=${BENCH_IDENTITY_DB:-bench_identity}
BENCH_KAFKA=127.0.0.1:19092
export BENCH_ROOT BENCH_IDENTITY_DB
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
mkdir -p "$BENCH_DIR"

# Installs Debian's package $2 (default: the command's name) when command $1 is missing: a fresh machine has no wrk.
bench_need() {
  local command=$1 package=${2:-$1}
  command -v "$command" >/dev/null && return 0
  echo "installing $package ..." >&2
  { apt-get install -y -qq "$package" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; }; } \
    || { echo "needs $command: apt-get install $package" >&2; exit 1; }
}

bench_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [[ -x $candidate/bin/java ]] || continue
    local major
    major=$("$candidate/bin/java" -version 2>&1 | awk -F'"' '/ version "/ {print $2}' | cut -d. -f1)
    if [[ ${major:-0} -ge 21 ]]; then export JAVA_HOME=$candidate; return 0; fi
  done
  echo "No JDK 21+ found" >&2; exit 1
}

# Builds the service module $1 (default orders-service) and the launcher's Kafka jars, unless they are there: `package`
# in the reactor, never `install` (the local Maven repository is not the bench's to write).
bench_build() {
  local module=${1:-orders-service}
  cd "$BENCH_ROOT"
  if [[ ! -f $module/target/$module-0.1.0-SNAPSHOT.jar ]] || ! compgen -G "local-launcher/target/lib/kafka_2.13-*.jar" >/dev/null; then
    echo "building $module and the launcher's Kafka jars ..."
    ./mvnw -B -q -DskipTests package -pl "$module",local-launcher -am
  fi
}

# Starts a broker of the benchmark's own: clients on port $1 (default 19092), its controller on the next port.
bench_kafka_start() {
  local port=${1:-19092}
  local dir=$BENCH_DIR/kafka
  rm -rf "$dir"; mkdir -p "$dir/data"
  sed -e "s#@DATA_DIR@#$dir/data#" -e "s/9092/$port/g" -e "s/9093/$((port + 1))/g" \
    "$BENCH_ROOT/local-launcher/src/main/resources/kafka/server.properties" > "$dir/server.properties"
  cp "$BENCH_ROOT/local-launcher/src/main/resources/kafka/log4j2.xml" "$dir/log4j2.xml"
  local cp="$BENCH_ROOT/local-launcher/target/lib/*"
  "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$dir/log4j2.xml" -cp "$cp" kafka.tools.StorageTool format \
    --cluster-id "$(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid | tr -d - | cut -c1-22)" \
    --config "$dir/server.properties" > "$dir/format.log" 2>&1
  "$JAVA_HOME/bin/java" -Xmx512m -Dlog4j2.configurationFile="$dir/log4j2.xml" -cp "$cp" kafka.Kafka \
    "$dir/server.properties" > "$dir/kafka.log" 2>&1 &
  echo $! > "$dir/pid"
  for _ in $(seq 1 $(( ${BENCH_START_WAIT:-180} * 2 ))); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.5; done
  echo "bench Kafka did not start; see $dir/kafka.log" >&2; exit 1
}

bench_database() {
  bench_statement_statistics
  psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null
  psql -qAt -d postgres -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

# Waits until a bench service started in the background answers its health URL (up to $BENCH_START_WAIT seconds);
# else says where its log is and ends the benchmark.
bench_wait_up() {  # name url log
  for _ in $(seq 1 $(( ${BENCH_START_WAIT:-180} * 2 ))); do
    curl -fsS "$2" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench $1 did not start; see $3" >&2; exit 1
}

# pg_stat_statements must be loaded at server start (the export's second baseline and PROFILE=1 read it). On a fresh
# machine it is not: it is added to shared_preload_libraries and the local cluster restarted, once, under the
# benchmark's platform lock (the benchmarks are for a quiet machine; a test run beside them would lose its connections).
bench_statement_statistics() {
  local loaded
  loaded=$(psql -qAt -d postgres -c "SHOW shared_preload_libraries")
  [[ $loaded == *pg_stat_statements* ]] && return 0
  echo "loading pg_stat_statements: ALTER SYSTEM SET shared_preload_libraries and a restart of PostgreSQL" >&2
  psql -qAt -d postgres -c "ALTER SYSTEM SET shared_preload_libraries = '${loaded:+$loaded,}pg_stat_statements'" >/dev/null
  # The server must not inherit the platform lock's descriptor from flock (it would hold the lock for ever): every
  # descriptor above 2 is closed for it.
  ( for fd in $(ls "/proc/$BASHPID/fd"); do (( fd > 2 )) && eval "exec $fd>&-"; done
    exec pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main restart )
  for _ in $(seq 1 60); do pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" && return 0; sleep 0.5; done
  echo "PostgreSQL did not come back after the restart" >&2; exit 1
}

# Starts the benchmark's webhook-dispatcher (jar $1, heap $HEAP or 512m, further arguments passed on) on $PORT with the
# bench broker $KAFKA and database $BENCH_DB, its pid in $BENCH_DIR/webhooks.pid; returns once it is ready.
bench_webhooks_start() {  # jar [arguments...]
  local jar=$1; shift
  "$JAVA_HOME/bin/java" -Xms64m -Xmx"${HEAP:-512m}" -jar "$jar" \
    --server.port=$PORT --portal.environment=sandbox --portal.webhooks.allowed-networks=127.0.0.1/32 \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --spring.datasource.username="$PGUSER" \
    --spring.kafka.bootstrap-servers=$KAFKA --logging.level.root=warn $(bench_identity_args) "$@" \
    > "$BENCH_DIR/webhook-dispatcher.log" 2>&1 &
  echo $! > "$BENCH_DIR/webhooks.pid"
  bench_wait_up webhook-dispatcher "http://127.0.0.1:$PORT/actuator/health/readiness" "$BENCH_DIR/webhook-dispatcher.log"
}

# A random secret (43 URL-safe characters).
bench_secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }

# Starts an identity-service of the benchmark's own on $BENCH_IDENTITY_PORT (database $BENCH_IDENTITY_DB, the bench
# broker): merchant API tokens are checked there, as in a real run, and it issues the services' and the bench tools'
# service tokens for this run's fresh client secrets (ADR 22). Needs bench_kafka_start first.
bench_identity_start() {
  BENCH_CLIENT_SECRET=$(bench_secret); BENCH_TOOLS_SECRET=$(bench_secret)
  export BENCH_CLIENT_SECRET BENCH_TOOLS_SECRET
  local client_hash tools_hash
  client_hash=$(printf %s "$BENCH_CLIENT_SECRET" | sha256sum | cut -d' ' -f1)
  tools_hash=$(printf %s "$BENCH_TOOLS_SECRET" | sha256sum | cut -d' ' -f1)
  psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_IDENTITY_DB WITH (FORCE)" >/dev/null
  psql -qAt -d postgres -c "CREATE DATABASE $BENCH_IDENTITY_DB" >/dev/null
  [[ -f $BENCH_ROOT/identity-service/target/identity-service-0.1.0-SNAPSHOT.jar ]] ||
    (cd "$BENCH_ROOT" && ./mvnw -B -q -DskipTests package -pl identity-service -am)
  "$JAVA_HOME/bin/java" -Xms64m -Xmx384m -jar "$BENCH_ROOT/identity-service/target/identity-service-0.1.0-SNAPSHOT.jar" \
    --server.port=$BENCH_IDENTITY_PORT --portal.environment=sandbox \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_IDENTITY_DB" --spring.datasource.username="$PGUSER" \
    --spring.kafka.bootstrap-servers=$BENCH_KAFKA --logging.level.root=warn \
    --portal.identity.service-tokens.clients.orders-service.secret-sha256="$client_hash" \
    --portal.identity.service-tokens.clients.settlement-service.secret-sha256="$client_hash" \
    --portal.identity.service-tokens.clients.webhook-dispatcher.secret-sha256="$client_hash" \
    --portal.identity.service-tokens.clients.sandbox-tools.secret-sha256="$tools_hash" ${BENCH_IDENTITY_ARGS:-} \
    > "$BENCH_DIR/identity-service.log" 2>&1 &
  echo $! > "$BENCH_DIR/identity.pid"
  bench_wait_up identity-service "http://127.0.0.1:$BENCH_IDENTITY_PORT/actuator/health/liveness" "$BENCH_DIR/identity-service.log"
}

# The arguments that point a bench service at the bench identity-service with its client secret (none when the
# benchmark runs no bench identity-service).
bench_identity_args() {
  [[ -n ${BENCH_CLIENT_SECRET:-} ]] || return 0
  echo "--portal.services.identity-url=http://127.0.0.1:$BENCH_IDENTITY_PORT --portal.service-client.secret=$BENCH_CLIENT_SECRET"
}

# Prints a new live merchant API token of merchant $1, stored at the bench identity-service as identity stores one
# (only its SHA-256); the merchant is created there if new.
bench_api_token() {
  local merchant=$1 token hash
  token="ppk_sandbox_$(bench_secret)"
  hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
  psql -qAt -d "$BENCH_IDENTITY_DB" >/dev/null <<SQL
INSERT INTO merchant (id, name_en, name_ar, created_at, version) VALUES ('$merchant', 'Bench', 'Bench', now(), 0)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO api_token (id, merchant_id, name, token_hash, token_prefix, created_at, version)
  VALUES (gen_random_uuid(), '$merchant', 'bench', '$hash', left('$token', 16), now(), 0);
SQL
  echo "$token"
}

# Prints a service token of the bench tools (client sandbox-tools: checkout decisions, sandbox clocks).
bench_tools_token() {
  curl -fsS -u "sandbox-tools:$BENCH_TOOLS_SECRET" -d grant_type=client_credentials \
    "http://127.0.0.1:$BENCH_IDENTITY_PORT/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

bench_identity_stop() {
  [[ -f $BENCH_DIR/identity.pid ]] && kill "$(cat "$BENCH_DIR/identity.pid")" 2>/dev/null || true
  rm -f "$BENCH_DIR/identity.pid"
}

# Starts orders-service on $BENCH_PORT with the heap given as $1 (e.g. 512m); $BENCH_ORDERS_ARGS are added,
# $BENCH_ORDERS_JVM are JVM options, $BENCH_ORDERS_JAR replaces this tree's build.
bench_orders_start() {
  local heap=$1 jar=${BENCH_ORDERS_JAR:-} jfr=()
  # Spring's request path is deeper than JFR's default 64 frames: cut stacks cannot say which step a sample is in.
  [[ ${PROFILE:-0} == 1 ]] && jfr=(-XX:FlightRecorderOptions:stackdepth=256)
  "$JAVA_HOME/bin/java" -Xms64m -Xmx"$heap" "${jfr[@]}" ${BENCH_ORDERS_JVM:-} -jar "${jar:-$BENCH_ROOT/orders-service/target/orders-service-0.1.0-SNAPSHOT.jar}" \
    --server.port=$BENCH_PORT --portal.environment=sandbox \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" --spring.datasource.username="$PGUSER" \
    --spring.kafka.bootstrap-servers=$BENCH_KAFKA --portal.orders.exports.directory="$BENCH_DIR/exports" \
    --portal.orders.exports.poll-interval=200ms --logging.level.root=warn $(bench_identity_args) ${BENCH_ORDERS_ARGS:-} \
    > "$BENCH_DIR/orders-service.log" 2>&1 &
  echo $! > "$BENCH_DIR/orders.pid"
  bench_wait_up orders-service "http://127.0.0.1:$BENCH_PORT/actuator/health/liveness" "$BENCH_DIR/orders-service.log"
}

bench_orders_stop() {
  [[ -f $BENCH_DIR/orders.pid ]] && kill "$(cat "$BENCH_DIR/orders.pid")" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$(cat "$BENCH_DIR/orders.pid" 2>/dev/null)" 2>/dev/null || break; sleep 0.5; done
  rm -f "$BENCH_DIR/orders.pid"
}

bench_cleanup() {
  bench_orders_stop
  bench_identity_stop
  [[ -f $BENCH_DIR/kafka/pid ]] && kill "$(cat "$BENCH_DIR/kafka/pid")" 2>/dev/null || true
  if [[ ${BENCH_KEEP_DB:-0} != 1 ]]; then
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
    psql -qAt -d postgres -c "DROP DATABASE IF EXISTS $BENCH_IDENTITY_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}

# The service's heap in use now, in MB (Micrometer's jvm.memory.used, area=heap).
bench_heap_mb() {
  curl -fsS "http://127.0.0.1:$BENCH_PORT/actuator/metrics/jvm.memory.used?tag=area:heap" |
    python3 -c 'import json,sys; print(round(json.load(sys.stdin)["measurements"][0]["value"]/1048576))'
}

# A merchant with one legal entity per Gulf country, as identity's events would bring them.
bench_merchant() {
  local merchant=$1
  psql -qAt -d "$BENCH_DB" <<SQL
INSERT INTO legal_entity (id, merchant_id, legal_name_en, country_code, currency, time_zone, updated_at)
SELECT gen_random_uuid(), '$merchant', 'Bench ' || c, c, cur, 'Asia/Riyadh', now()
FROM (VALUES ('SA','SAR'),('AE','AED'),('QA','QAR'),('KW','KWD'),('BH','BHD'),('OM','OMR')) AS v(c, cur);
SQL
}

# $2 orders for merchant $1 in status $3 (NEW, AUTHORISED, ...), total $4, spread over the last 30 days;
# fully captured ones have their total captured.
bench_orders_rows() {
  local merchant=$1 count=$2 status=$3 total=$4
  local captured=0
  [[ $status == FULLY_CAPTURED ]] && captured=$total
  psql -qAt -d "$BENCH_DB" <<SQL
INSERT INTO orders (id, merchant_id, legal_entity_id, checkout_id, order_reference_id, order_number, status, currency,
    total_amount, tax_amount, shipping_amount, discount_amount, country_code, locale, description,
    consumer_email, consumer_phone_number, consumer_first_name, consumer_last_name, created_at, updated_at, version,
    payment_type, instalments, authorised_at, auto_capture_at, captured_amount)
SELECT gen_random_uuid(), '$merchant', (SELECT id FROM legal_entity WHERE merchant_id = '$merchant' AND country_code = 'SA'),
    gen_random_uuid(), 'REF-' || g, 'N-' || g, '$status', 'SAR', $total, 0, 0, 0, 'SA', 'ar_SA', 'Bench order ' || g,
    'shopper' || g || '@example.com', '+9665' || lpad(g::text, 8, '0'),
    CASE WHEN g % 2 = 0 THEN 'نورة' ELSE 'Noura' END, CASE WHEN g % 3 = 0 THEN 'الحربي' ELSE 'Al-Harbi' END,
    now() - (g % 2592000) * interval '1 second', now(), 0, 'PAY_BY_INSTALMENTS', 3,
    CASE WHEN '$status' = 'AUTHORISED' THEN now() END,
    CASE WHEN '$status' = 'AUTHORISED' THEN now() + interval '21 days' END, $captured
FROM generate_series(1, $count) AS g;
ANALYZE orders;
SQL
}

# With PROFILE=1: a JFR recording of the bench service (settings=profile; the pid in $BENCH_PROFILE_PID, by default
# the bench orders-service's) and pg_stat_statements reset, from
# bench_profile_start to bench_profile_stop $name, which prints the hottest methods, the slowest statements in total
# and the database's wait events seen meanwhile into $BENCH_DIR/$name-*.txt.
bench_profile_start() {
  [[ ${PROFILE:-0} == 1 ]] || return 0
  psql -qAt -d "$BENCH_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$(cat "${BENCH_PROFILE_PID:-$BENCH_DIR/orders.pid}")" JFR.start name=bench settings=profile >/dev/null
  ( while sleep 0.5; do
      psql -qAt -d postgres -c "SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') FROM pg_stat_activity
        WHERE datname = '$BENCH_DB' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null
    done > "$BENCH_DIR/waits.raw" ) &
  echo $! > "$BENCH_DIR/waits.pid"
}

bench_profile_stop() {
  [[ ${PROFILE:-0} == 1 ]] || return 0
  local name=$1
  kill "$(cat "$BENCH_DIR/waits.pid")" 2>/dev/null || true
  sort "$BENCH_DIR/waits.raw" | uniq -c | sort -rn > "$BENCH_DIR/$name-waits.txt"
  "$JAVA_HOME/bin/jcmd" "$(cat "${BENCH_PROFILE_PID:-$BENCH_DIR/orders.pid}")" JFR.stop name=bench filename="$BENCH_DIR/$name.jfr" >/dev/null
  "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$BENCH_DIR/$name.jfr" > "$BENCH_DIR/$name-hot-methods.txt" 2>&1 || true
  psql -d "$BENCH_DB" -c "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms,
      round(mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$BENCH_DB')
      ORDER BY total_exec_time DESC LIMIT 20" > "$BENCH_DIR/$name-statements.txt" 2>&1 || true
  echo "profile: $BENCH_DIR/$name.jfr, $name-hot-methods.txt, $name-statements.txt, $name-waits.txt"
}

# Where the CPU goes while a measurement runs, load-independent: `bench_cpu_mark FILE` records the CPU time used so
# far (clock ticks) by the bench's orders-service, Kafka broker, identity-service, PostgreSQL's processes, the
# processes in $BENCH_CPU_EXTRA_PID (named $BENCH_CPU_EXTRA_NAME: a gateway, nginx) and the whole machine; `bench_cpu_report BEFORE AFTER REQUESTS` prints each one's CPU milliseconds per request, and
# what the rest of the machine used (wrk and any work beside the benchmark). On two shared cores the requests/s move
# with the neighbours' load; CPU per request does not, and it says which process a request's cost lands in.
bench_cpu_ticks() {  # pids... -> utime+stime of those processes and their threads
  local total=0 pid
  for pid in "$@"; do
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || continue
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo $total
}
# CPU ticks per thread kind of one JVM (its pid file): "kind ticks" lines. Kinds by thread name: consumer (Kafka
# listener containers), carrier (the ForkJoinPool carriers of virtual threads: a dispatcher's attempts), worker (a
# kit worker's loop and recorder threads), jit, gc, other.
bench_thread_cpu() {
  local pid task; pid=$(cat "$1")
  for task in /proc/"$pid"/task/*; do
    [[ -r $task/stat ]] || continue
    echo "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0) $(tr ' ' '_' < "$task/comm" 2>/dev/null)"
  done | awk '{ k = "other"; if ($2 ~ /^KafkaConsumerDe/) k = "consumer"; else if ($2 ~ /^C[12]_Compiler/) k = "jit";
               else if ($2 ~ /^(GC_|G1_)/) k = "gc"; else if ($2 ~ /^ForkJoinPool/) k = "carrier";
               else if ($2 ~ /^webhook-deliver|^mail-delivery|^export/) k = "worker"; t[k] += $1 } END { for (k in t) print k, t[k] }'
}
# `bench_thread_cpu_report BEFORE AFTER COUNT`: each kind's CPU milliseconds per unit of work between two readings.
bench_thread_cpu_report() {
  awk -v hz="$(getconf CLK_TCK)" -v n="$3" 'NR == FNR { b[$1] = $2; next }
    { printf "%s %.3f ", $1, ($2 - b[$1]) * 1000 / hz / n }' "$1" "$2"
}
bench_cpu_mark() {
  local file=$1
  {
    echo "orders-service $(bench_cpu_ticks "$(cat "$BENCH_DIR/orders.pid" 2>/dev/null)")"
    echo "kafka $(bench_cpu_ticks "$(cat "$BENCH_DIR/kafka/pid" 2>/dev/null)")"
    echo "identity-service $(bench_cpu_ticks "$(cat "$BENCH_DIR/identity.pid" 2>/dev/null)")"
    # shellcheck disable=SC2086
    [[ -n ${BENCH_CPU_EXTRA_PID:-} ]] && echo "${BENCH_CPU_EXTRA_NAME:-extra} $(bench_cpu_ticks $BENCH_CPU_EXTRA_PID)"
    # Per process: a connection of someone else's that closes meanwhile must not count as negative time. The server
    # is shared: "postgresql" is the backends of the bench's databases (bench_*) and the server's own processes (WAL
    # writer, checkpointer, autovacuum), "postgresql-other" the backends of anyone else's databases (tests beside).
    local pid bench_pids
    bench_pids=" $(psql -qAt -d postgres -c "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity
      WHERE (datname IS NULL OR datname LIKE 'bench%') AND pid <> pg_backend_pid()" 2>/dev/null) "
    for pid in $(pgrep -x postgres); do
      if [[ $bench_pids == *" $pid "* || $(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ') == 1 ]]; then
        echo "postgresql:$pid $(bench_cpu_ticks "$pid")"
      else
        echo "postgresql-other:$pid $(bench_cpu_ticks "$pid")"
      fi
    done
    echo "machine $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
  } > "$file"
}
bench_cpu_report() {  # before after requests [label] [unit: what the count counts, "request" by default]
  local before=$1 after=$2 requests=$3 label=${4:-} unit=${5:-request}
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" -v n="$requests" -v label="$label" -v unit="$unit" '
    NR == FNR { start[$1] = $2; next }
    {
      name = $1
      if (name ~ /^postgresql:/) { name = "postgresql" }  # processes started meanwhile count from zero
      if (name ~ /^postgresql-other:/) { name = "postgresql-other" }
      if (!(name in used)) { order[++k] = name }
      used[name] += $2 - start[$1]
    }
    END {
      printf "CPU ms per %s%s (%d %ss):", unit, label, n, unit
      known = 0
      for (i = 1; i <= k; i++) { c = order[i]; if (c == "machine") continue; known += used[c]
        printf " %s %.2f", c, used[c] * 1000 / hz / n }
      printf ", rest of the machine (wrk, other work) %.2f\n", (used["machine"] - known) * 1000 / hz / n
    }' "$before" "$after"
}

# Where a JVM's CPU goes by thread kind, from /proc (no agent): `bench_threads_mark PID FILE` records each thread's
# CPU ticks and name; `bench_threads_report BEFORE AFTER REQUESTS` prints CPU ms per request of the virtual threads'
# carriers (the requests, the relay), the JIT compilers, the garbage collector, the Kafka clients' threads and the
# rest. The JIT and GC threads are invisible to JFR's execution samples, yet they are part of what a request costs.
bench_threads_mark() {
  local pid=$1 file=$2 task
  for task in /proc/"$pid"/task/*; do
    [[ -r $task/stat ]] || continue
    printf '%s %s %s\n' "${task##*/}" "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)" \
      "$(tr ' ' '_' < "$task/comm" 2>/dev/null)"
  done > "$file"
}
bench_threads_report() {  # before after requests [label]
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" -v n="$3" -v label="${4:-}" '
    NR == FNR { start[$1] = $2; next }
    {
      kind = "other"
      if ($3 ~ /^ForkJoinPool/ || $3 ~ /^VirtualThread/) kind = "virtual-thread-carriers"
      else if ($3 ~ /^C[12]_Compiler/) kind = "jit"
      else if ($3 ~ /^(GC_|G1_|VM_Thread)/) kind = "gc-and-vm"
      else if ($3 ~ /^kafka|^orders-service|producer|consumer/) kind = "kafka-clients"
      else if ($3 ~ /^http-nio|Poller|poller/) kind = "tomcat-io"
      if (!(kind in used)) order[++k] = kind
      used[kind] += $2 - start[$1]
    }
    END {
      printf "orders-service CPU ms per request by thread%s:", label
      for (i = 1; i <= k; i++) printf " %s %.3f", order[i], used[order[i]] * 1000 / hz / n
      printf "\n"
    }' "$1" "$2"
}
