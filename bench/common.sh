# Shared by the bench scripts (sourced, not run): where things are, and the two steps several of
# them start with. Expects `set -euo pipefail` and the caller's name in $script.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/out"
benchmarks_jar="$root/benchmarks/target/benchmarks.jar"

# Builds benchmarks/target/benchmarks.jar when it is missing or older than the sources.
build_benchmarks() {
  if [ ! -f "$benchmarks_jar" ] || [ -n "$(find "$root/pom.xml" "$root/compiler/src/main" \
      "$root/compiler/pom.xml" "$root/benchmarks/src" "$root/benchmarks/pom.xml" \
      -newer "$benchmarks_jar" -type f -print -quit)" ]; then
    echo "$script: building benchmarks.jar (mvn -B -q install -DskipTests)..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -Dspotless.check.skip=true >&2)
  fi
}

# Generates bench/out/corpus-<size> (N HTTPRoutes; size 100, 1k, 10k) and its 100,000-request file
# with ../shared/bench/gen-corpus.py, once.
ensure_corpus() {
  local n="$1" size="$1"
  if [ $((n % 1000)) -eq 0 ]; then size="$((n / 1000))k"; fi
  if [ ! -d "$out/corpus-$size" ] || [ ! -f "$out/corpus-$size.requests.jsonl" ]; then
    echo "$script: generating bench/out/corpus-$size ($n HTTPRoutes, 100,000 requests)..." >&2
    mkdir -p "$out"
    python3 "$root/../shared/bench/gen-corpus.py" "$out/corpus-$size" --routes "$n" --force >/dev/null
  fi
}
