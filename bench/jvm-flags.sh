#!/usr/bin/env bash
# Compares JVM flag sets for `gwc validate` on one corpus. The variants are interleaved (round 1 of
# every variant, then round 2, ...) so that a change in machine load hits them all alike.
#   bench/jvm-flags.sh [CORPUS_DIR]          (default bench/out/corpus-10k; run bench/validate.sh first)
# Environment: ROUNDS (default 5), GWC_JAR (default compiler/target/gwc.jar),
#   VARIANTS (newline-separated flag sets; default below).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
dir="${1:-bench/out/corpus-10k}"
GWC_JAR="${GWC_JAR:-compiler/target/gwc.jar}"
ROUNDS="${ROUNDS:-5}"
VARIANTS="${VARIANTS:-"-XX:+UseG1GC
-XX:+UseParallelGC
-XX:+UseParallelGC -Xmx2g
-XX:+UseParallelGC -XX:TieredStopAtLevel=1
-XX:+UseSerialGC"}"
mapfile -t variants <<<"$VARIANTS"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "# $dir  $(date -u '+%Y-%m-%d %H:%M UTC')  nproc=$(nproc)  load=$(cut -d' ' -f1-3 /proc/loadavg)  jar=$GWC_JAR"
for r in $(seq "$ROUNDS"); do
  for i in "${!variants[@]}"; do
    read -r -a opts <<<"${variants[$i]}"
    rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$tmp/one" java "${opts[@]}" -jar "$GWC_JAR" validate --format json "$dir" \
      >/dev/null 2>"$tmp/err" || rc=$?
    if [ "$rc" -gt 1 ]; then echo "failed ($rc): ${variants[$i]}" >&2; tail -n 20 "$tmp/err" >&2; exit 2; fi
    tail -n 1 "$tmp/one" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >>"$tmp/v$i"
  done
  echo "# round $r done, load=$(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

med() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
printf '%-45s %8s %8s %8s  %s\n' flags wall_s rss_MB cpu_s "(all wall_s)"
for i in "${!variants[@]}"; do
  printf '%-45s %8s %8.0f %8s  (%s)\n' "${variants[$i]}" "$(cut -d' ' -f1 "$tmp/v$i" | med)" \
    "$(cut -d' ' -f2 "$tmp/v$i" | med | awk '{print $1/1024}')" "$(cut -d' ' -f3 "$tmp/v$i" | med)" \
    "$(cut -d' ' -f1 "$tmp/v$i" | paste -sd/)"
done
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
