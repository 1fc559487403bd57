#!/usr/bin/env bash
# The migration check on the Ingresses of the synthetic 10k-route corpus.
#
#   bench/compare.sh    generates bench/out/corpus-10k once (../shared/bench/gen-corpus.py), copies its
#                       Ingresses and Services to bench/out/compare-ingresses/ (the corpus's files,
#                       other kinds dropped), converts them (gwc convert -o bench/out/compare-converted)
#                       and runs
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
rm -rf "$out/compare-ingresses" "$out/compare-converted"
python3 - "$corpus" "$out/compare-ingresses" <<'PY'
import pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
ingresses = services = 0
for f in sorted(src.rglob("*.yaml")):
    docs = [d.strip("\n") for d in re.split(r"(?m)^---\s*$", f.read_text())
            if re.search(r"(?m)^kind: (Ingress|Service)\s*$", d)]
    if docs:  # the corpus's files, with only their Ingresses and Services
        out = dst / f.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n---\n".join(docs) + "\n")
        ingresses += sum(bool(re.search(r"(?m)^kind: Ingress", d)) for d in docs)
        services += sum(bool(re.search(r"(?m)^kind: Service", d)) for d in docs)
print(f"{ingresses} Ingresses, {services} Services")
PY
timed() {
  /usr/bin/time -f "$1: %e s wall, %U s user + %S s sys, %M KB peak RSS" "${@:2}"
}
timed "gwc convert" java ${GWC_JAVA_OPTS:-} -jar "$jar" convert -o "$out/compare-converted" \
  "$out/compare-ingresses" 2>"$out/compare-convert.err" || true
tail -n 2 "$out/compare-convert.err"
timed "gwc simulate --compare" java ${GWC_JAVA_OPTS:-} -jar "$jar" simulate \
  --compare "$out/compare-ingresses" "$out/compare-converted" \
  >"$out/compare-report.txt" 2>"$out/compare.err" || true
tail -n 2 "$out/compare.err"
tail -n 1 "$out/compare-report.txt"
