#!/usr/bin/env bash
# Start-up benchmark: `gwc validate` on one small file through the release launcher (bin/gwc of
# dist/target/gwc-VERSION.tar.gz, unpacked), next to a picocli hello-world jar run by the same
# launcher (so the same JVM, flags and class-data-sharing archive) in the same run. See
# bench/README.md.
#
#   bench/startup.sh                       # after mvn -B package (makes the release archive)
#   RUNS=20 bench/startup.sh
#   ARCHIVE=/tmp/old/gwc-0.2.0.tar.gz bench/startup.sh   # another build's archive
set -euo pipefail
script=startup
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS="${RUNS:-10}"
ARCHIVE="${ARCHIVE:-$(ls "$root"/dist/target/gwc-*.tar.gz 2>/dev/null | grep -v linux | head -1)}"
if [ ! -f "$ARCHIVE" ]; then
  echo "$script: no release archive; build it: mvn -B -q package -DskipTests" >&2
  exit 2
fi
picocli="$(ls ~/.m2/repository/info/picocli/picocli/*/picocli-*.jar | grep -v sources | sort -V | tail -1)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gwc" "$tmp/hello-classes"
tar xzf "$ARCHIVE" -C "$tmp/gwc"
gwc_home="$(ls -d "$tmp"/gwc/gwc-*)"
# The hello-world release: the same launcher, lib/gwc.jar replaced by the hello-world jar.
cp -r "$gwc_home" "$tmp/hello"
javac -d "$tmp/hello-classes" -cp "$picocli" "$here/hello/Hello.java"
(cd "$tmp/hello-classes" && unzip -qo "$picocli" -x 'META-INF/*')
printf 'Main-Class: Hello\n' > "$tmp/manifest"
rm -f "$tmp/hello/lib/"*
jar cfm "$tmp/hello/lib/gwc.jar" "$tmp/manifest" -C "$tmp/hello-classes" .

input="$gwc_home/examples/shop/routes.yaml"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
once() { # home -> wall seconds of one run
  local start=$EPOCHREALTIME
  "$1/bin/gwc" validate "$input" >/dev/null 2>&1 || true
  awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN {printf "%.3f\n", e - s}'
}
# Each records its archive first; then the runs alternate, so that a slower spell of the machine
# falls on both alike.
once "$gwc_home" >/dev/null
once "$tmp/hello" >/dev/null
gwc_times=""
hello_times=""
for _ in $(seq "$RUNS"); do
  gwc_times+="$(once "$gwc_home")"$'\n'
  hello_times+="$(once "$tmp/hello")"$'\n'
done
gwc_median="$(grep . <<<"$gwc_times" | median)"
hello_median="$(grep . <<<"$hello_times" | median)"
echo "gwc validate one file: median $gwc_median s (runs: $(echo $gwc_times))"
echo "picocli hello-world:   median $hello_median s (runs: $(echo $hello_times))"
awk -v g="$gwc_median" -v h="$hello_median" 'BEGIN {printf "ratio: %.2fx the hello-world floor\n", g / h}'
