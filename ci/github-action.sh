#!/usr/bin/env bash
# The GitHub Action's step (action.yml): gwc validate twice over the same paths, once as SARIF into
# a file for code scanning, once as workflow commands so that findings show on the changed lines.
# Exit code: gwc's (1 when findings reach --fail-on). GWC_LAUNCHER replaces the launcher (tests).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gwc="${GWC_LAUNCHER:-$here/gwc}"
read -r -a paths <<<"${GWC_PATHS:-.}"
read -r -a args <<<"${GWC_ARGS:-}"
sarif="${GWC_SARIF:-gwc.sarif}"
"$gwc" validate --format sarif ${args[@]+"${args[@]}"} "${paths[@]}" > "$sarif"
"$gwc" validate --format github ${args[@]+"${args[@]}"} "${paths[@]}"
status=$?
echo "sarif=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$status"
