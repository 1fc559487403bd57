#!/usr/bin/env bash
# How much the cost of simulating a request (as `gwc simulate --requests` does per line) grows from
# 100 to 10,000 HTTPRoutes (issue 4's target was at most 2x for the lookup alone),
# both tables in one JVM with their passes taking turns (benchmarks' LookupGrowth), so that both
# sizes meet the same machine. Separate JMH runs (bench/jmh.sh) meet different phases of a shared
# machine, and their ratio moves with the load. The table built second measures a little faster, so
# this runs both orders, one after the other, and reports the geometric mean of their ratios.
#
#   bench/growth.sh                        100 against 10,000 routes, 2 x 40 s
#   SMALL=1000 DURATION=30 bench/growth.sh other sizes or time (LARGE=... too)
#   JAVA_OPTS=-XX:+UseTransparentHugePages bench/growth.sh     more JVM flags
set -euo pipefail
script=growth.sh
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
small="${SMALL:-100}"
large="${LARGE:-10000}"
build_benchmarks
ensure_corpus "$small"
ensure_corpus "$large"
uptime >&2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() { # first second out
  # shellcheck disable=SC2086
  java -Xmx4g -Xss16m ${JAVA_OPTS:-} -cp "$benchmarks_jar" dev.gwc.bench.LookupGrowth "$out" "$1" "$2" \
    "${DURATION:-40}" | tee "$3"
}
run "$small" "$large" "$tmp/a"
run "$large" "$small" "$tmp/b"
a="$(sed -n 's/.*cost \([0-9.]*\) times.*/\1/p' "$tmp/a")"
b="$(sed -n 's/.*cost \([0-9.]*\) times.*/\1/p' "$tmp/b")"
python3 -c "import math; print('a lookup at %s routes costs %.2f times one at %s (both orders)' % ('$large', math.sqrt($a * $b), '$small'))"
