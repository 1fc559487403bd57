#!/usr/bin/env bash
# Routing-table throughput of gwc simulate on the synthetic 10k-route corpus.
#
#   bench/simulate.sh            generates bench/out/corpus-10k (+ its requests) once, then prints
#                                lookups/s of Simulator.lookup (table only) and Simulator.simulate
#                                (filters and result, no trace), and the wall time of
#                                `gwc simulate --requests` over 20,000 requests.
# Needs compiler/target/gwc.jar and compiler/target/test-classes (mvn -B verify builds both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(cd "$root/../shared/bench" && pwd)"
out="$here/out"
corpus="$out/corpus-10k"
mkdir -p "$out"
if [ ! -d "$corpus" ] || [ ! -f "$corpus.requests.jsonl" ]; then
  python3 "$shared/gen-corpus.py" "$corpus" --routes 10000 --force >/dev/null
fi
head -n 20000 "$corpus.requests.jsonl" >"$out/requests-20k.jsonl"
cp="$root/compiler/target/gwc.jar:$root/compiler/target/test-classes"
java ${GWC_JAVA_OPTS:-} -cp "$cp" dev.gwc.sim.LookupBench "$corpus" "$out/requests-20k.jsonl" "${ROUNDS:-5}"
/usr/bin/time -f 'gwc simulate --requests (20,000 requests, incl. compile): %e s, %M KB' \
  java -jar "$root/compiler/target/gwc.jar" simulate --requests "$out/requests-20k.jsonl" "$corpus" \
  >/dev/null 2>"$out/simulate.err" || true
tail -n 1 "$out/simulate.err"
