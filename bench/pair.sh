#!/usr/bin/env bash
# Two builds of the JMH lookup benchmark measured at the same time, one per core, so that both meet
# the same machine: on this shared machine the speed of a single run drifts by 20-40% from one minute
# to the next, which hides any change smaller than that when runs take turns (bench/README.md).
# Each JVM is pinned to its core and told it has one; the scores are lower than a lone run's (the two
# share memory bandwidth), but the comparison is fair. Run it twice with the jars swapped.
#
#   bench/pair.sh OLD.jar NEW.jar             10,000 routes, 3 x 1 s warm-up, 8 x 1 s measured
#   ROUTES=100 bench/pair.sh OLD.jar NEW.jar  another size (bench/jmh.sh generates the corpora)
#
# Prints per jar the median, highest and lowest of its iterations' lookups per CPU second.
set -euo pipefail
if [ $# -ne 2 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
routes="${ROUTES:-10000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
one() { # jar core out
  GWC_BENCH_OUT="$here/out" taskset -c "$2" java -Djmh.ignoreLock=true -XX:ActiveProcessorCount=1 \
    -jar "$1" LookupBenchmark -p routes="$routes" -wi 3 -i 8 -r 1 -w 1 \
    -jvmArgsAppend "-XX:ActiveProcessorCount=1" >"$3" 2>&1 || true
}
one "$1" 0 "$tmp/a" &
one "$2" 1 "$tmp/b"
wait
for f in a b; do
  jar="$1"
  if [ "$f" = b ]; then jar="$2"; fi
  sed -n 's/^Iteration.*routes: \([0-9]*\) lookups per CPU second.*/\1/p' "$tmp/$f" | sort -n |
    awk -v j="$(basename "$jar")" -v r="$routes" \
      '{a[NR]=$1} END {if (NR == 0) {print j ": no result"; exit 1}
        printf "%-24s %6d routes: median %9.0f  max %9.0f  min %9.0f lookups per CPU second\n",
          j, r, a[int((NR+1)/2)], a[NR], a[1]}'
done
