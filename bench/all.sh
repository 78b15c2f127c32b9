#!/usr/bin/env bash
# Every benchmark in bench/, one after the other, each holding the machine's platform lock (they use fixed ports),
# then one table: each benchmark's ratios against the baseline it measured in the same run. Each benchmark's full
# output stays in $BENCH_DIR/all/<name>.txt. Meant for a quiet machine: the load average is printed beside each.
#
#   bench/all.sh                     # about 25 minutes here
#   bench/all.sh gateway-overhead orders-get      # only these
#   DURATION=10s bench/all.sh        # shorter measurements (passed on to each benchmark)
set -uo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/portal-bench}
OUT=$BENCH_DIR/all
mkdir -p "$OUT"
LOCK=${PLATFORM_LOCK:-/tmp/platform.lock}

# Benchmarks that take the lock themselves (and start what they need), and those that need the platform running
# ("Run `./portal start` first" in their header).
takes_lock() { grep -q 'flock /tmp/platform.lock' "bench/$1.sh"; }
needs_platform() { head -12 "bench/$1.sh" | grep -q '^#.*\./portal start`\{0,1\} \(first\|&&\)'; }

run() {  # name
  local name=$1 status
  echo "== $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
  if takes_lock "$name"; then
    "bench/$name.sh" > "$OUT/$name.txt" 2>&1
  elif needs_platform "$name"; then
    flock "$LOCK" bash -c "./portal start >'$OUT/$name.start.txt' 2>&1 && bench/$name.sh; status=\$?; ./portal stop >/dev/null 2>&1; exit \$status" \
      > "$OUT/$name.txt" 2>&1
  else
    flock "$LOCK" "bench/$name.sh" > "$OUT/$name.txt" 2>&1
  fi
  status=$?
  echo "$status" > "$OUT/$name.status"
  [[ $status == 0 ]] || echo "   failed (exit $status): see $OUT/$name.txt"
}

# The ratio lines a benchmark printed: its RESULT lines if it has them, else every line ending in a ratio ("0.42x").
ratios() {  # name
  local file=$OUT/$1.txt
  if grep -q '^RESULT ' "$file"; then
    grep '^RESULT ' "$file" | cut -d' ' -f3-
  else
    grep -E '[0-9.]+x *$' "$file" | sed -E 's/ {2,}/  /g'
  fi
}

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=()
  for script in bench/*.sh; do
    name=$(basename "$script" .sh)
    [[ $name == all || $name == lib ]] || names+=("$name")
  done
fi

started=$(date -u +'%Y-%m-%d %H:%M UTC')
for name in "${names[@]}"; do run "$name"; done

printf '\nBenchmarks, %s, %s cores (%s), %s\n' "$started" "$(nproc)" \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$(free -g | awk '/Mem:/ {print $2 " GB"}')"
printf '%-20s %-6s %s\n' "benchmark" "exit" "ratios against the baseline measured in the same run"
for name in "${names[@]}"; do
  status=$(cat "$OUT/$name.status" 2>/dev/null || echo "-")
  first=1
  while IFS= read -r line; do
    if [[ $first == 1 ]]; then printf '%-20s %-6s %s\n' "$name" "$status" "$line"; first=0
    else printf '%-20s %-6s %s\n' "" "" "$line"; fi
  done < <(ratios "$name")
  if [[ $first == 1 ]]; then printf '%-20s %-6s %s\n' "$name" "$status" "(no ratio printed; see $OUT/$name.txt)"; fi
done
failed=0
for name in "${names[@]}"; do [[ $(cat "$OUT/$name.status" 2>/dev/null) == 0 ]] || failed=1; done
exit $failed
