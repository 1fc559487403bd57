#!/usr/bin/env bash
# JMH benchmark of what `gwc simulate --requests` does per line (Simulator.simulate with its trace)
# on gen-corpus.py corpora of 100, 1,000 and 10,000 HTTPRoutes, each with its own request file.
#
#   bench/jmh.sh                          builds benchmarks/target/benchmarks.jar when missing or
#                                         older than the sources, generates bench/out/corpus-{100,1k,10k}
#                                         once, then runs LookupBenchmark at every size
#   ROUTES=10000 bench/jmh.sh             one size
#   bench/jmh.sh -f 2 -wi 5 -prof gc      more JMH options (java -jar benchmarks/target/benchmarks.jar -h)
set -euo pipefail
script=jmh.sh
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build_benchmarks
routes="${ROUTES:-100,1000,10000}"
for n in ${routes//,/ }; do
  ensure_corpus "$n"
done
uptime >&2
GWC_BENCH_OUT="$out" exec java -jar "$benchmarks_jar" "Lookup.*Benchmark" -p routes="$routes" "$@"
