#!/usr/bin/env bash
# What an edit command costs as a user runs it (--dry-run: find, edit, validate before and after,
# diff): OLD_JAR and NEW_JAR taking turns, RUNS times each, on the shop example (a few files) and on
# the 10k-route corpus (an edit in a big GitOps repository validates all of it twice).
#
#   OLD_JAR=old.jar NEW_JAR=compiler/target/gwc.jar bench/edit.sh
#   RUNS=5 SKIP_10K=1 bench/edit.sh ...        fewer runs, the small set only
set -euo pipefail
script=bench/edit.sh
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
old="${OLD_JAR:?OLD_JAR=path of the old jar}"
new="${NEW_JAR:-$root/compiler/target/gwc.jar}"
runs="${RUNS:-10}"
corpus="$out/corpus-10k"
if [ -z "${SKIP_10K:-}" ]; then
  ensure_corpus 10000
fi
java_opts=(-XX:TieredStopAtLevel=1 -Xss16m -XX:+UseParallelGC)
echo "# gwc edit benchmark  $(date -u '+%Y-%m-%d %H:%M UTC')  nproc=$(nproc)  load=$(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # label dir args...
  local label="$1" dir="$2"
  shift 2
  local o=() n=()
  for _ in $(seq "$runs"); do
    for jar in "$old" "$new"; do
      local start end
      start=$(date +%s.%N)
      java "${java_opts[@]}" -jar "$jar" "$@" --dry-run "$dir" >/dev/null 2>&1 || true
      end=$(date +%s.%N)
      local t
      t=$(echo "$end - $start" | bc)
      if [ "$jar" = "$old" ]; then o+=("$t"); else n+=("$t"); fi
    done
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf '%-40s old %6.2f s   new %6.2f s   (medians of %d, wall)\n' "$label" \
    "$(median "${o[@]}")" "$(median "${n[@]}")" "$runs"
}
measure "add listener, shop example" "$root/examples/shop" \
  add listener infra/edge --port 8080 --protocol HTTP --name bench
if [ -z "${SKIP_10K:-}" ]; then
  measure "add listener, 10k-route corpus" "$corpus" \
    add listener edge-gateways/gw-01-acme --port 9443 --protocol HTTP --name bench
fi
