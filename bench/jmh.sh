#!/usr/bin/env bash
# JMH benchmark of the routing table: Simulator.lookup on gen-corpus.py corpora of 100, 1,000 and
# 10,000 HTTPRoutes, each with its own request file (bench/README.md has the results).
#
#   bench/jmh.sh                          builds benchmarks/target/benchmarks.jar when missing or
#                                         older than the sources, generates bench/out/corpus-{100,1k,10k}
#                                         once, then runs LookupBenchmark at every size
#   ROUTES=10000 bench/jmh.sh             one size
#   bench/jmh.sh -f 2 -wi 5 -prof gc      more JMH options (java -jar benchmarks/target/benchmarks.jar -h)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(cd "$root/../shared/bench" && pwd)"
out="$here/out"
jar="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$out"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/compiler/src/main" "$root/compiler/pom.xml" \
    "$root/benchmarks/src" "$root/benchmarks/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  echo "jmh.sh: building benchmarks.jar (mvn -B -q install -DskipTests)..." >&2
  (cd "$root" && mvn -B -q install -DskipTests -Dspotless.check.skip=true >&2)
fi
routes="${ROUTES:-100,1000,10000}"
for n in ${routes//,/ }; do
  size=$n
  if [ $((n % 1000)) -eq 0 ]; then size="$((n / 1000))k"; fi
  if [ ! -d "$out/corpus-$size" ] || [ ! -f "$out/corpus-$size.requests.jsonl" ]; then
    echo "jmh.sh: generating bench/out/corpus-$size ($n HTTPRoutes, 100,000 requests)..." >&2
    python3 "$shared/gen-corpus.py" "$out/corpus-$size" --routes "$n" --force >/dev/null
  fi
done
uptime >&2
GWC_BENCH_OUT="$out" exec java -jar "$jar" "Lookup.*Benchmark" -p routes="$routes" "$@"
