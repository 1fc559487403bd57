#!/usr/bin/env bash
# Which of two builds looks up faster: both in one JVM (benchmarks' SameJvmComparison), their
# passes over the corpus's requests taking turns, so that both meet the same machine. Two JVMs run
# at once, one per core, with the builds loaded in opposite orders (the one loaded second measures a
# few per cent faster either way); the result is the geometric mean of the two.
#
#   bench/ab.sh OLD.jar NEW.jar            10,000 routes, 40 s; jars: benchmarks/target/benchmarks.jar
#                                          of each build (or any jar with gwc and its dependencies)
#   ROUTES=100 DURATION=30 bench/ab.sh ... another size (bench/jmh.sh generates the corpora) or time
set -euo pipefail
if [ $# -ne 2 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
driver="$root/benchmarks/target/benchmarks.jar"
routes="${ROUTES:-10000}"
seconds="${DURATION:-40}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
one() { # first second core out
  taskset -c "$3" java -Xmx8g -Xss16m -XX:ActiveProcessorCount=1 -cp "$driver" \
    dev.gwc.bench.SameJvmComparison "$1" "$2" "$here/out" "$routes" "$seconds" >"$4" 2>&1
}
one "$1" "$2" 0 "$tmp/ab" &
one "$2" "$1" 1 "$tmp/ba"
wait
tail -n 1 "$tmp/ab"
tail -n 1 "$tmp/ba"
ab="$(sed -n 's/.*B\/A speed \([0-9.]*\).*/\1/p' "$tmp/ab")"
ba="$(sed -n 's/.*B\/A speed \([0-9.]*\).*/\1/p' "$tmp/ba")"
python3 -c "import math; print('%s against %s, %s routes: %.3f times as fast' % ('$(basename "$2")', '$(basename "$1")', '$routes', math.sqrt($ab / $ba)))"
