#!/usr/bin/env bash
# `./portal start` on a built tree until everything is healthy (what a developer waits for), the way it starts now
# (every service from its extracted jar with its JDK AOT cache, the services together once the broker is up; ADR 24)
# against the previous way (PORTAL_AOT_CACHE=off PORTAL_START_ORDER=sequential: every service from its fat jar, no
# cache; infrastructure, backends, gateway one group after the other), alternating, RUNS times each, in the same run.
# Takes the platform lock itself (flock /tmp/platform.lock) and stops the platform after each start. Missing start-up
# caches are made first (./portal prepare, what ./portal build does after the Maven build) and a warm-up start is not
# counted.
#
#   bench/start-time.sh               # RUNS=3 by default (WARMUP=0 skips the warm-up start); about 6 minutes here
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${START_TIME_LOCKED:-0} != 1 ]]; then
  START_TIME_LOCKED=1 exec flock /tmp/platform.lock "$0" "$@"
fi
RUNS=${RUNS:-3}
OUT=${BENCH_DIR:-/tmp/portal-bench}/start-time
mkdir -p "$OUT"

for module in gateway identity-service orders-service settlement-service webhook-dispatcher notification-service zatca-simulator; do
  [[ -f $module/target/$module-0.1.0-SNAPSHOT.jar ]] || { echo "not built: $module (./portal build first)" >&2; exit 1; }
done
if ./portal status >/dev/null 2>&1; then
  echo "the platform of this checkout is running; ./portal stop first" >&2; exit 1
fi
trap './portal stop >/dev/null 2>&1 || true' EXIT

# Seconds from the command to its return with everything healthy; the launcher's output goes to $OUT/<label>-<n>.txt.
timed_start() {  # label n [env...]
  local label=$1 n=$2; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  env PORTAL_START_TIMEOUT="${PORTAL_START_TIMEOUT:-600}" "$@" ./portal start > "$OUT/$label-$n.txt" 2>&1 || { echo "start failed: $OUT/$label-$n.txt" >&2; tail -30 "$OUT/$label-$n.txt" >&2; exit 1; }
  t1=$(date +%s.%N)
  ./portal stop > /dev/null 2>&1
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "start-up caches (./portal prepare: made once per build, by ./portal build; not counted) ..."
./portal prepare
if [[ ${WARMUP:-1} == 1 ]]; then
  echo "warm-up start (not counted) ..."
  timed_start warmup 0 PORTAL_AOT_CACHE=on PORTAL_START_ORDER=parallel > /dev/null
fi
now=() before=()
for n in $(seq 1 "$RUNS"); do
  before+=("$(timed_start before "$n" PORTAL_AOT_CACHE=off PORTAL_START_ORDER=sequential)")
  now+=("$(timed_start now "$n" PORTAL_AOT_CACHE=on PORTAL_START_ORDER=parallel)")
  echo "run $n: previous way ${before[-1]} s, now ${now[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

m_now=$(echo "${now[*]}" | median)
m_before=$(echo "${before[*]}" | median)
echo
echo "./portal start to all healthy ($(nproc) cores; each start's output in $OUT)"
printf '%-52s %s\n' "now (start-up caches), median of $RUNS" "$m_now s   (${now[*]})"
printf '%-52s %s\n' "previous way (no caches, sequential), median of $RUNS" "$m_before s   (${before[*]})"
echo "where the time went in the last start (ready times since the start began):"
grep -E '^\s+\S+\s+ready' "$OUT/now-$RUNS.txt" | sed 's/^/  /' || true
printf '%-52s %s\n' "load average before (1, 5, 15 min)" "$load_before"
printf '%-52s %s\n' "load average after" "$load_after"
echo "RESULT start-time all healthy in $m_now s vs $m_before s the previous way = $(awk -v a="$m_now" -v b="$m_before" 'BEGIN { printf "%.2f", a / b }')x (goal <= 30 s)"
