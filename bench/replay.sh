#!/usr/bin/env bash
# End-to-end replay benchmark (issue 4's target): `gwc simulate --requests` with the 100,000
# requests of bench/out/corpus-10k.requests.jsonl against the 10,000-route corpus, start to finish,
# through the launcher (its JVM flags and class-data-sharing archive), output to /dev/null.
#
#   bench/replay.sh                   RUNS runs (default 5); prints each and the median
#   BASE_JAR=/tmp/old.jar bench/replay.sh
#                                     interleaves runs of another jar (java -jar, BASE_OPTS flags,
#                                     default the launcher's old ones) to compare on a drifting machine
set -euo pipefail
script=replay.sh
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS="${RUNS:-5}"
BASE_OPTS="${BASE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss16m}"
ensure_corpus 10000
args=(simulate --requests "$out/corpus-10k.requests.jsonl" "$out/corpus-10k")
"$root/gwc" --version >/dev/null # builds the jar and the archive when needed
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  nproc=$(nproc)  load=$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$RUNS"); do
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/one" "$root/gwc" "${args[@]}" >/dev/null 2>"$tmp/err" || {
    tail -n 20 "$tmp/err" >&2
    exit 2
  }
  read -r wall rss user sys <"$tmp/one"
  echo "$wall" >>"$tmp/gwc"
  printf 'gwc   run %d: %5.2f s wall, %4d MB peak RSS, %5.2f CPU s\n' "$r" "$wall" $((rss / 1024)) \
    "$(echo "$user + $sys" | bc)"
  if [ -n "${BASE_JAR:-}" ]; then
    read -r -a opts <<<"$BASE_OPTS"
    /usr/bin/time -f '%e %M %U %S' -o "$tmp/one" java "${opts[@]}" -jar "$BASE_JAR" "${args[@]}" \
      >/dev/null 2>/dev/null || true
    read -r wall rss user sys <"$tmp/one"
    echo "$wall" >>"$tmp/base"
    printf 'base  run %d: %5.2f s wall, %4d MB peak RSS, %5.2f CPU s\n' "$r" "$wall" $((rss / 1024)) \
      "$(echo "$user + $sys" | bc)"
  fi
done
median() { sort -n "$1" | awk '{a[NR]=$1} END{print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median wall: gwc $(median "$tmp/gwc") s${BASE_JAR:+, base $(median "$tmp/base") s}"
