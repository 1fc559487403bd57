#!/usr/bin/env bash
# The migration check on the Ingresses of the synthetic 10k-route corpus.
#
#   bench/compare.sh    generates bench/out/corpus-10k once (../shared/bench/gen-corpus.py), copies its
#                       Ingresses and Services to bench/out/compare-ingresses.yaml, converts them
#                       (bench/out/compare-converted.yaml) and runs
#                       `gwc simulate --compare ingresses converted`, printing wall time, peak RSS
#                       and the report's summary line for each step.
# Needs compiler/target/gwc.jar (mvn -B verify or mvn -B -q package -DskipTests builds it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(cd "$root/../shared/bench" && pwd)"
out="$here/out"
corpus="$out/corpus-10k"
jar="${GWC_JAR:-$root/compiler/target/gwc.jar}"
mkdir -p "$out"
if [ ! -d "$corpus" ]; then
  python3 "$shared/gen-corpus.py" "$corpus" --routes 10000 --force >/dev/null
fi
python3 - "$corpus" "$out/compare-ingresses.yaml" <<'PY'
import pathlib, re, sys
docs = []
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    for d in re.split(r"(?m)^---\s*$", f.read_text()):
        if re.search(r"(?m)^kind: (Ingress|Service)\s*$", d):
            docs.append(d.strip("\n"))
pathlib.Path(sys.argv[2]).write_text("\n---\n".join(docs) + "\n")
print(f"{sum('kind: Ingress' in d for d in docs)} Ingresses, "
      f"{sum('kind: Service' in d for d in docs)} Services")
PY
timed() {
  /usr/bin/time -f "$1: %e s wall, %M KB peak RSS" "${@:2}"
}
timed "gwc convert" java ${GWC_JAVA_OPTS:-} -jar "$jar" convert "$out/compare-ingresses.yaml" \
  >"$out/compare-converted.yaml" 2>"$out/compare-convert.err" || true
tail -n 2 "$out/compare-convert.err"
timed "gwc simulate --compare" java ${GWC_JAVA_OPTS:-} -jar "$jar" simulate \
  --compare "$out/compare-ingresses.yaml" "$out/compare-converted.yaml" \
  >"$out/compare-report.txt" 2>"$out/compare.err" || true
tail -n 2 "$out/compare.err"
tail -n 1 "$out/compare-report.txt"
