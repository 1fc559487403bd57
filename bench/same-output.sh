#!/usr/bin/env bash
# Whether two builds answer alike: the outputs of the commands users run on the benchmark corpora,
# from OLD_JAR and NEW_JAR, compared byte for byte. For refactors that must not change behaviour.
#
#   OLD_JAR=/tmp/before.jar bench/same-output.sh          NEW_JAR defaults to compiler/target/gwc.jar
#
# Compared: `simulate --requests` (results on stdout and the summary on stderr) on the 100-, 1k- and
# 10k-route corpora with their 100,000 requests; `simulate --compare` of the 10k corpus's Ingresses
# against their conversion; `validate --format json` of the 10k corpus; `compile --format json` and a
# traced `simulate --request` of examples/shop. Prints one line per command and exits 1 on any
# difference (the differing files stay in bench/out/same-output/).
set -euo pipefail
script=same-output.sh
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${OLD_JAR:?set OLD_JAR to the jar to compare with}"
NEW_JAR="${NEW_JAR:-$root/compiler/target/gwc.jar}"
opts=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xss16m)
work="$out/same-output"
rm -rf "$work"
mkdir -p "$work"
for n in 100 1000 10000; do ensure_corpus "$n"; done
# The corpus's Ingresses alone, for --compare (as bench/compare.sh makes them).
python3 - "$out/corpus-10k" "$work/ingresses" <<'PY'
import pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dst.mkdir(parents=True, exist_ok=True)
for f in sorted(src.rglob("*.yaml")):
    docs = [d.strip("\n") for d in re.split(r"(?m)^---\s*$", f.read_text())
            if re.search(r"(?m)^kind: (Ingress|Service)\s*$", d)]
    if docs:
        (dst / f.name).write_text("\n---\n".join(docs) + "\n")
PY
shop="$root/examples/shop"
commands=(
  "replay-100|simulate --requests $out/corpus-100.requests.jsonl $out/corpus-100"
  "replay-1k|simulate --requests $out/corpus-1k.requests.jsonl $out/corpus-1k"
  "replay-10k|simulate --requests $out/corpus-10k.requests.jsonl $out/corpus-10k"
  "compare-10k|simulate --compare $work/ingresses --convert $work/ingresses"
  "compare-10k-json|simulate --compare $work/ingresses --convert --format json $work/ingresses"
  "validate-10k|validate --format json $out/corpus-10k"
  "compile-shop|compile --format json $shop"
  "trace-shop|simulate --request GET_https://www.shop.example.com/api -H x-api-version:2 $shop"
)
status=0
for entry in "${commands[@]}"; do
  name="${entry%%|*}"
  read -r -a args <<<"${entry#*|}"
  args=("${args[@]//GET_/GET }")
  for side in old new; do
    jar="$OLD_JAR"; [ "$side" = new ] && jar="$NEW_JAR"
    set +e
    java "${opts[@]}" -jar "$jar" "${args[@]}" >"$work/$name.$side.out" 2>"$work/$name.$side.err"
    echo "exit $?" >>"$work/$name.$side.err"
    set -e
  done
  if cmp -s "$work/$name.old.out" "$work/$name.new.out" &&
    cmp -s "$work/$name.old.err" "$work/$name.new.err"; then
    printf '%-18s same (%s bytes)\n' "$name" "$(wc -c <"$work/$name.new.out")"
    rm -f "$work/$name".*
  else
    printf '%-18s DIFFERS (see %s/%s.{old,new}.{out,err})\n' "$name" "$work" "$name"
    status=1
  fi
done
exit "$status"
