#!/usr/bin/env bash
# How much a route lookup's cost grows from 100 to 10,000 HTTPRoutes (issue 4's target: at most 2x),
# both tables in one JVM with their passes taking turns (benchmarks' LookupGrowth), so that both
# sizes meet the same machine. Separate JMH runs (bench/jmh.sh) meet different phases of a shared
# machine, and their ratio moves with the load. The table built second measures a little faster, so
# this runs both orders, one after the other, and reports the geometric mean of their ratios.
#
#   bench/growth.sh                        100 against 10,000 routes, 2 x 40 s
#   SMALL=1000 DURATION=30 bench/growth.sh other sizes or time (LARGE=... too)
#   JAVA_OPTS=-XX:+UseTransparentHugePages bench/growth.sh     more JVM flags
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
small="${SMALL:-100}"
large="${LARGE:-10000}"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/compiler/src/main" "$root/compiler/pom.xml" \
    "$root/benchmarks/src" "$root/benchmarks/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  echo "growth.sh: building benchmarks.jar (mvn -B -q install -DskipTests)..." >&2
  (cd "$root" && mvn -B -q install -DskipTests -Dspotless.check.skip=true >&2)
fi
for n in "$small" "$large"; do
  size=$n
  if [ $((n % 1000)) -eq 0 ]; then size="$((n / 1000))k"; fi
  if [ ! -d "$here/out/corpus-$size" ] || [ ! -f "$here/out/corpus-$size.requests.jsonl" ]; then
    echo "growth.sh: generating bench/out/corpus-$size ($n HTTPRoutes, 100,000 requests)..." >&2
    python3 "$root/../shared/bench/gen-corpus.py" "$here/out/corpus-$size" --routes "$n" --force >/dev/null
  fi
done
uptime >&2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() { # first second out
  # shellcheck disable=SC2086
  java -Xmx4g -Xss16m ${JAVA_OPTS:-} -cp "$jar" dev.gwc.bench.LookupGrowth "$here/out" "$1" "$2" \
    "${DURATION:-40}" | tee "$3"
}
run "$small" "$large" "$tmp/a"
run "$large" "$small" "$tmp/b"
a="$(sed -n 's/.*cost \([0-9.]*\) times.*/\1/p' "$tmp/a")"
b="$(sed -n 's/.*cost \([0-9.]*\) times.*/\1/p' "$tmp/b")"
python3 -c "import math; print('a lookup at %s routes costs %.2f times one at %s (both orders)' % ('$large', math.sqrt($a * $b), '$small'))"
