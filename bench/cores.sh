#!/usr/bin/env bash
# How busy the cores are while one gwc command runs: every INTERVAL seconds, the CPU time each of
# the JVM's threads used since the last sample (from /proc/PID/task/*/stat, Linux only), summed by
# kind of thread, and the share of all cores that makes. Idle stretches in a run that should keep
# every core busy show up as low "util" (bench/README.md, "Both cores to the end").
#
#   bench/cores.sh ./gwc simulate --requests bench/out/corpus-10k.requests.jsonl bench/out/corpus-10k
#   INTERVAL=0.05 bench/cores.sh ./gwc validate bench/out/corpus-10k
#
# Columns: seconds since start, util (all cores), then ms of CPU in the interval for the main
# thread ("java"), fork-join pool workers, JIT compiler threads, GC threads and the rest.
set -euo pipefail
INTERVAL="${INTERVAL:-0.1}"
if [ $# -eq 0 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT
"$@" >/dev/null 2>&1 &
pid=$!
sleep 0.02
jvm="$(pgrep -P "$pid" java || echo "$pid")" # the launcher execs java; a wrapper may fork it
while [ -d "/proc/$jvm" ]; do
  now="$(date +%s.%N)"
  cat /proc/"$jvm"/task/*/stat 2>/dev/null | awk -v t="$now" '{
    rest = $0; sub(/^[0-9]+ \(/, "", rest); name = rest; sub(/\).*/, "", name)
    sub(/^.*\) /, "", rest); split(rest, f, " "); gsub(/ /, "_", name)
    print t, $1, name, f[12] + f[13] }' >>"$samples" || true
  sleep "$INTERVAL"
done
wait "$pid" || true
cores="$(nproc)"
tick="$(getconf CLK_TCK)"
awk -v cores="$cores" -v tick="$tick" '
  function kind(n) {
    if (n ~ /C[12] ?Compiler|C1_Compil|C2_Compil/) return "jit"
    if (n ~ /GC/) return "gc"
    if (n ~ /ForkJoin/) return "fj"
    if (n == "java") return "main"
    return "other"
  }
  {
    if ($1 != t && t != "") { flush() }
    t = $1; d = $4 - prev[$2]; prev[$2] = $4; used[kind($3)] += d
  }
  function flush(   total, k) {
    if (start == "") { start = t; last = t; delete used; return }
    total = 0; for (k in used) total += used[k]
    ms = 1000 / tick
    printf "%6.2f util %4.0f%%  main %4d  fj %4d  jit %4d  gc %4d  other %4d\n", t - start,
      100 * total / tick / ((t - last) * cores), used["main"] * ms, used["fj"] * ms,
      used["jit"] * ms, used["gc"] * ms, used["other"] * ms
    last = t; delete used
  }
  END { flush() }' "$samples"
