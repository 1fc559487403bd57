#!/usr/bin/env bash
# Validation benchmark: gwc validate vs the schema-only JavaScript peer (ajv), plus the launcher's
# start-up time on one small file. See bench/README.md.
#
#   bench/validate.sh                          # defaults below
#   GWC_JAVA_OPTS='-Xmx2g' bench/validate.sh   # compare JVM flags (replaces the default flags)
#
# Environment:
#   GWC_JAVA_OPTS  JVM flags for the corpus runs (default: the launcher's, see ./gwc)
#   GWC_JAR        jar to run (default: compiler/target/gwc.jar; must exist, build it first)
#   RUNS           timed runs per tool and corpus (default 3); SMALL_RUNS for the small file (10)
#   CORPORA        space-separated route counts (default "1000 10000")
#   SKIP_PEER=1    skip the peer;  SKIP_SMALL=1  skip the small-file launcher timing
#
# Exit code 1 from gwc (findings) is expected and not a failure; 2 or a crash is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(cd "$root/../shared/bench" && pwd)"
out="$here/out"
cd "$root"

GWC_JAVA_OPTS="${GWC_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xss16m -XX:+UseParallelGC -XX:MaxNewSize=256m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=4}"
GWC_JAR="${GWC_JAR:-compiler/target/gwc.jar}"
RUNS="${RUNS:-3}"
SMALL_RUNS="${SMALL_RUNS:-10}"
CORPORA="${CORPORA-1000 10000}"
read -r -a java_opts <<<"$GWC_JAVA_OPTS"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time missing, installing the 'time' package" >&2
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [ ! -f "$GWC_JAR" ]; then
  echo "bench: $GWC_JAR missing; build it: mvn -B -q install -DskipTests -Dspotless.check.skip=true" >&2
  exit 2
fi
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

name_of() { # 1000 -> 1k, 10000 -> 10k, 2500 -> 2500
  if [ $(($1 % 1000)) -eq 0 ]; then echo "$(($1 / 1000))k"; else echo "$1"; fi
}

# median of numbers on stdin (mean of the middle two for an even count)
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) exit 1; if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# timed CMD...: runs CMD with stdout to $stdout (default /dev/null) and stderr to $tmp/err, appends
# "wall_s rss_kb cpu_s" to $tmp/t (cpu = user + sys); accepts exit codes 0 and 1.
timed() {
  local rc=0
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/one" "$@" >"${stdout:-/dev/null}" 2>"$tmp/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: '$*' failed with exit code $rc:" >&2
    tail -n 20 "$tmp/err" >&2
    exit 2
  fi
  tail -n 1 "$tmp/one" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >>"$tmp/t"
}

summarize() { # prints "median_wall median_rss_mb median_cpu all_walls" of $tmp/t
  local w m c
  w="$(cut -d' ' -f1 "$tmp/t" | median)"
  m="$(cut -d' ' -f2 "$tmp/t" | median)"
  c="$(cut -d' ' -f3 "$tmp/t" | median)"
  printf '%s %s %s %s' "$w" "$(awk -v k="$m" 'BEGIN {printf "%.0f", k/1024}')" "$c" "$(cut -d' ' -f1 "$tmp/t" | paste -sd/)"
}
row() { printf '%-11s %-5s %8s %8s %8s  %-22s %s\n' "$@"; }

# 1. corpora
for n in $CORPORA; do
  dir="$out/corpus-$(name_of "$n")"
  if [ ! -d "$dir" ]; then
    echo "bench: generating $dir ($n routes)" >&2
    python3 "$shared/gen-corpus.py" "$dir" --routes "$n" >&2
  fi
done

# The peer installs its npm packages on first use: do that once, untimed.
if [ "${SKIP_PEER:-0}" != 1 ] && [ ! -d "${PERFPEER:-/tmp/perfpeer}/node_modules/ajv" ]; then
  echo "bench: installing the peer's npm packages" >&2
  "$shared/run-peer.sh" "$root/examples/shop" >/dev/null 2>&1 || true
fi

echo "# gwc validate benchmark  $(date -u '+%Y-%m-%d %H:%M UTC')  nproc=$(nproc)" \
  "mem=$(free -g | awk '/^Mem:/ {print $2}')G  load=$(cut -d' ' -f1-3 /proc/loadavg)  $(java -version 2>&1 | head -n 1)"
echo "# gwc: java $GWC_JAVA_OPTS -jar $GWC_JAR validate --format json DIR > /dev/null   (median of $RUNS)"
row corpus tool wall_s rss_MB cpu_s "(all wall_s)" summary

# 2. corpora: peer and gwc, RUNS times each
for n in $CORPORA; do
  name="corpus-$(name_of "$n")"
  dir="$out/$name"
  if [ "${SKIP_PEER:-0}" != 1 ]; then
    : >"$tmp/t"
    for _ in $(seq "$RUNS"); do stdout="$tmp/peer.out" timed "$shared/run-peer.sh" "$dir"; done
    peer_summary="$(tail -n 1 "$tmp/peer.out")"
    read -r w m c all <<<"$(summarize)"
    row "$name" peer "$w" "$m" "$c" "($all)" "$peer_summary"
  fi
  : >"$tmp/t"
  for _ in $(seq "$RUNS"); do
    timed java "${java_opts[@]}" -jar "$GWC_JAR" validate --format json "$dir"
  done
  # one more, untimed, for the summary
  java "${java_opts[@]}" -jar "$GWC_JAR" validate --format json "$dir" >"$out/$name.gwc.json" 2>/dev/null || true
  gwc_summary="$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]
print("%d errors, %d warnings, %d infos in %d files (%d resources)" % (s["errors"], s["warnings"], s.get("infos", 0), s["files"], s["resources"]))' \
    "$out/$name.gwc.json" 2>/dev/null || echo '(no JSON summary)')"
  read -r w m c all <<<"$(summarize)"
  row "$name" gwc "$w" "$m" "$c" "($all)" "$gwc_summary"
done
echo "# load average after the corpus runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# 3. one small file through the launcher (its own JVM flags and class-data-sharing archive)
if [ "${SKIP_SMALL:-0}" != 1 ]; then
  small=examples/shop/routes.yaml
  # An archive older than the jar is rejected silently by the JVM; let the launcher record a new one.
  # (The launcher always runs compiler/target/gwc.jar, whatever GWC_JAR says.)
  jsa=compiler/target/gwc.jsa
  if [ -f "$jsa" ] && [ compiler/target/gwc.jar -nt "$jsa" ]; then rm -f "$jsa"; fi
  before="$(stat -c %Y compiler/target/gwc.jar 2>/dev/null || echo none)"
  ./gwc validate "$small" >/dev/null 2>&1 || true # warm-up (builds or records the archive if needed)
  if [ "$before" != "$(stat -c %Y compiler/target/gwc.jar 2>/dev/null || echo none)" ]; then
    echo "# note: compiler/target/gwc.jar changed during the launcher warm-up (rebuilt: sources were newer)"
  fi
  : >"$tmp/t"
  for _ in $(seq "$SMALL_RUNS"); do timed ./gwc validate "$small"; done
  read -r w m c all <<<"$(summarize)"
  row small gwc "$w" "$m" "$c" "" "./gwc validate $small (launcher flags + CDS, median of $SMALL_RUNS; runs: $all)"
fi
