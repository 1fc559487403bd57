#!/usr/bin/env bash
# `gwc serve` under wrk, two builds taking turns on loopback: requests per second and latency of
# the echo backend through the routing table of examples/shop (or DIR).
#
#   OLD_JAR=/tmp/before.jar bench/serve-ab.sh [DIR]     NEW_JAR defaults to compiler/target/gwc.jar
#   ROUNDS=3 DURATION=10s CONNECTIONS=50 HOST=www.shop.example.com:443 PATH_=/ bench/serve-ab.sh
#
# Needs wrk (Debian's package); each round runs one server, a 2 s warm-up, then the measured run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
: "${OLD_JAR:?set OLD_JAR to the jar to compare with}"
NEW_JAR="${NEW_JAR:-$root/compiler/target/gwc.jar}"
dir="${1:-$root/examples/shop}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-50}"
host="${HOST:-www.shop.example.com:443}"
path="${PATH_:-/}"
port=18080
command -v wrk >/dev/null || { echo "serve-ab.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
run() {
  local jar="$1" label="$2" pid
  java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -jar "$jar" serve --listen "127.0.0.1:$port" \
    "$dir" 2>/dev/null &
  pid=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
  wrk -t2 -c"$connections" -d2s -H "Host: $host" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c"$connections" -d"$duration" --latency -H "Host: $host" "http://127.0.0.1:$port$path" |
    awk -v l="$label" '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /^ +50%/ {p50=$2}
      END {printf "%-4s %10s req/s  p50 %8s  p99 %8s\n", l, rps, p50, p99}'
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  load=$(cut -d' ' -f1-3 /proc/loadavg)  $dir $host$path"
for r in $(seq "$rounds"); do
  run "$OLD_JAR" old
  run "$NEW_JAR" new
done
