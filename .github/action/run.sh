#!/usr/bin/env bash
# The GitHub Action's step: install or build BackendLint, lint with annotations and a job summary,
# write SARIF, set the outputs, and fail the step on findings at or above the fail level.
# Inputs come as BACKENDLINT_* variables; .ci/delivery.sh runs this script with a fake GITHUB_OUTPUT.
#
# The linted repository is data, never code: a pull request controls every file in it, and dotnet
# reads global.json (which SDK runs), nuget.config (where packages come from), Directory.Build.*
# and .config/dotnet-tools.json from the current directory and its parents. So every dotnet
# command runs in a fresh directory outside the checkout, with the action's own nuget.config, and
# the repository is only ever passed as the path to lint. docs/security.md has the threat model.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"
workspace=$PWD
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$workspace/$1" ;; esac; }
path=$(absolute "${BACKENDLINT_PATH:-.}")
sarif=${BACKENDLINT_SARIF:-backendlint.sarif}
sarif_path=$(absolute "$sarif")
fail_level=${BACKENDLINT_FAIL_LEVEL:-error}
action=$(cd "$GITHUB_ACTION_PATH" && pwd -P)
case "$action/" in
  "$(cd "$workspace" && pwd -P)/"*)
    echo "::warning::The action's own source is inside the linted checkout ($action); a pull request can change it. Use a released version (uses: owner/backendlint@vX)." ;;
esac

# Outside the checkout: RUNNER_TEMP on a runner, a fresh temporary directory elsewhere.
tool_home=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/backendlint.XXXXXXXX")
cd "$tool_home"
config="$action/.github/action/nuget.config"
if [ -n "${BACKENDLINT_VERSION:-}" ]; then
  # BACKENDLINT_EXTRA_SOURCE is for testing the action with a locally packed tool; a workflow sets it, never the repository.
  extra=()
  [ -n "${BACKENDLINT_EXTRA_SOURCE:-}" ] && extra=(--add-source "$BACKENDLINT_EXTRA_SOURCE")
  dotnet tool install --tool-path "$tool_home/tool" --configfile "$config" "${extra[@]}" BackendLint --version "$BACKENDLINT_VERSION" >&2
  backendlint=("$tool_home/tool/backendlint")
else
  dotnet publish "$action/BackendLint/BackendLint.csproj" -c Release -o "$tool_home/tool" -nologo -v quiet \
    -p:RestoreConfigFile="$config" >&2
  backendlint=(dotnet "$tool_home/tool/backendlint.dll")
fi

# new-only: what is already at the base revision does not count. The revision is read from the
# checkout's git objects by BackendLint itself; no git command runs in the checkout.
known=()
case "${BACKENDLINT_NEW_ONLY:-false}" in
  true)
    base=${BACKENDLINT_BASE:-${BACKENDLINT_PR_BASE:-}}
    if [ -z "$base" ]; then
      echo "::error::new-only needs a base revision: run on a pull request, or set the 'base' input (for example \${{ github.event.before }})."
      exit 2
    fi
    known=(--new-since "$base") ;;
  false | '') ;;
  *) echo "::error::new-only must be true or false, not '$BACKENDLINT_NEW_ONLY'"; exit 2 ;;
esac

set +e
"${backendlint[@]}" check "$path" --format github --sarif "$sarif_path" --fail-level "$fail_level" "${known[@]}"
status=$?
set -e

# Each SARIF result has exactly one "ruleId"; rules and notifications have none. Results already
# at the base carry baselineState "unchanged" and do not count.
findings=0
if [ -f "$sarif_path" ]; then
  results=$(grep -c '"ruleId":' "$sarif_path" || true)
  unchanged=$(grep -c '"baselineState": "unchanged"' "$sarif_path" || true)
  findings=$((results - unchanged))
fi
{
  echo "sarif-file=$sarif"
  echo "findings=$findings"
} >> "$GITHUB_OUTPUT"
exit "$status"
