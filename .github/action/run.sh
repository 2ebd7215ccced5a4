#!/usr/bin/env bash
# The GitHub Action's step: install or build BackendLint, lint with annotations and a job summary,
# write SARIF, set the outputs, and fail the step on findings at or above the fail level.
# Inputs come as BACKENDLINT_* variables; .ci/run runs this script with a fake GITHUB_OUTPUT.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"
path=${BACKENDLINT_PATH:-.}
sarif=${BACKENDLINT_SARIF:-backendlint.sarif}
fail_level=${BACKENDLINT_FAIL_LEVEL:-error}
tool_dir="${RUNNER_TEMP:-$(mktemp -d)}/backendlint-tool"

if [ -n "${BACKENDLINT_VERSION:-}" ]; then
  dotnet tool install --tool-path "$tool_dir" BackendLint --version "$BACKENDLINT_VERSION" >&2
  backendlint=("$tool_dir/backendlint")
else
  dotnet publish "$GITHUB_ACTION_PATH/BackendLint/BackendLint.csproj" -c Release -o "$tool_dir" -nologo -v quiet >&2
  backendlint=(dotnet "$tool_dir/backendlint.dll")
fi

set +e
"${backendlint[@]}" check "$path" --format github --sarif "$sarif" --fail-level "$fail_level"
status=$?
set -e

# Each SARIF result has exactly one "ruleId"; rules and notifications have none.
findings=0
if [ -f "$sarif" ]; then
  findings=$(grep -c '"ruleId":' "$sarif" || true)
fi
{
  echo "sarif-file=$sarif"
  echo "findings=$findings"
} >> "$GITHUB_OUTPUT"
exit "$status"
