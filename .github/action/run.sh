#!/usr/bin/env bash
# The GitHub Action's step: download or build BackendLint, lint with annotations and a job summary,
# write SARIF, suggest fixes in the summary if asked, set the outputs, and fail the step on findings
# at or above the fail level.
# Inputs come as BACKENDLINT_* variables; .ci/delivery.sh runs this script with a fake GITHUB_OUTPUT.
#
# The linted repository is data, never code: a pull request controls every file in it, and dotnet
# reads global.json (which SDK runs), nuget.config (where packages come from), Directory.Build.*
# and .config/dotnet-tools.json from the current directory and its parents. So every dotnet
# command runs in a fresh directory outside the checkout, with the action's own nuget.config, and
# the repository is only ever passed as the path to lint. A released version is a binary of the
# action's own release, run only once it matches the release's SHA256SUMS. docs/security.md has
# the threat model.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"
workspace=$PWD
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$workspace/$1" ;; esac; }
input_path=${BACKENDLINT_PATH:-.}
path=$(absolute "$input_path")
sarif=${BACKENDLINT_SARIF:-backendlint.sarif}
sarif_path=$(absolute "$sarif")
fail_level=${BACKENDLINT_FAIL_LEVEL:-error}
suggest_fixes=${BACKENDLINT_SUGGEST_FIXES:-false}
case $suggest_fixes in
  true | false) ;;
  *) echo "::error::suggest-fixes must be true or false, not '$suggest_fixes'"; exit 2 ;;
esac
action=$(cd "$GITHUB_ACTION_PATH" && pwd -P)
case "$action/" in
  "$(cd "$workspace" && pwd -P)/"*)
    echo "::warning::The action's own source is inside the linted checkout ($action); a pull request can change it. Use a released version (uses: owner/backendlint@vX)." ;;
esac

# GitHub places annotations and SARIF results by their path from the root of the checkout, and
# BackendLint reports paths from the linted folder: a folder of the workspace is named as their prefix.
prefix=()
case $input_path in
  /*) case "$input_path/" in "$workspace"/?*) prefix=(--path-prefix "${input_path#"$workspace"/}") ;; esac ;;
  *) prefix=(--path-prefix "$input_path") ;;
esac

# Outside the checkout: RUNNER_TEMP on a runner, a fresh temporary directory elsewhere.
tool_home=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/backendlint.XXXXXXXX")
cd "$tool_home"
if [ -n "${BACKENDLINT_VERSION:-}" ]; then
  version=${BACKENDLINT_VERSION#v}
  case $version in
    *[!0-9A-Za-z.+-]* | '') echo "::error::version must be a release version such as 0.1.0, not '$BACKENDLINT_VERSION'"; exit 2 ;;
  esac
  # Native AOT binaries are released for these runners only (.github/workflows/release.yml).
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) asset=backendlint-linux-x64 ;;
    Linux/ARM64) asset=backendlint-linux-arm64 ;;
    macOS/ARM64) asset=backendlint-osx-arm64 ;;
    Windows/X64) asset=backendlint-win-x64.exe ;;
    *) echo "::error::BackendLint releases no binary for ${RUNNER_OS:-this OS} on ${RUNNER_ARCH:-this architecture}; leave 'version' empty to build the action's own source."; exit 2 ;;
  esac
  # The release of the repository the action comes from. The runner keeps an action at
  # _actions/OWNER/REPO/REF (github.action_repository is not set inside composite actions); a copy
  # elsewhere (uses: ./) uses the RepositoryUrl of its own Directory.Build.props.
  # BACKENDLINT_RELEASE_BASE_URL is for testing the action with a locally built release; a
  # workflow sets it, never the repository.
  case $action in
    */_actions/*/*/*)
      owner_repo=${action#*/_actions/}
      owner=${owner_repo%%/*}; owner_repo=${owner_repo#*/}
      repository_url="${GITHUB_SERVER_URL:-https://github.com}/$owner/${owner_repo%%/*}" ;;
    *) repository_url=$(sed -n 's|.*<RepositoryUrl[^>]*>\(.*\)</RepositoryUrl>.*|\1|p' "$action/Directory.Build.props") ;;
  esac
  release="${BACKENDLINT_RELEASE_BASE_URL:-$repository_url/releases/download}/v$version"
  for file in "$asset" SHA256SUMS; do
    curl --fail --silent --show-error --location --retry 3 --output "$tool_home/$file" "$release/$file" \
      || { echo "::error::cannot download $file of BackendLint v$version from $release"; exit 2; }
  done
  # sha256sum writes "HASH  NAME", or "HASH *NAME" for a file read in binary mode.
  expected=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1; exit }' "$tool_home/SHA256SUMS")
  if command -v sha256sum > /dev/null; then
    actual=$(sha256sum "$tool_home/$asset" | cut -d ' ' -f 1)
  else
    actual=$(shasum -a 256 "$tool_home/$asset" | cut -d ' ' -f 1)
  fi
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "::error::$asset of BackendLint v$version does not match the release's SHA256SUMS (expected ${expected:-no entry}, got $actual); it was not run."
    exit 2
  fi
  chmod +x "$tool_home/$asset"
  backendlint=("$tool_home/$asset")
else
  dotnet publish "$action/BackendLint/BackendLint.csproj" -c Release -o "$tool_home/tool" -nologo -v quiet \
    -p:RestoreConfigFile="$action/.github/action/nuget.config" >&2
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

# Later steps of the job that run 'backendlint check' get annotations from its text output too.
echo "::add-matcher::$action/.github/backendlint-matcher.json"

# The sarif-file output names a file this run wrote, never one the checkout brought along.
rm -f -- "$sarif_path"
set +e
"${backendlint[@]}" check "$path" --format github --sarif "$sarif_path" --fail-level "$fail_level" \
  ${prefix[@]+"${prefix[@]}"} ${known[@]+"${known[@]}"} 2> "$tool_home/stderr"
status=$?
set -e

# Input errors ('path:line:col: error: …') become annotations at their position, and other errors
# of the run ('backendlint: …') annotations without one, escaped as the Actions toolkit escapes
# (GitHubReporter): a message cannot end the command or start another.
awk '
  function data(s) { gsub(/%/, "%25", s); gsub(/\r/, "%0D", s); return s }
  function property(s) { s = data(s); gsub(/:/, "%3A", s); gsub(/,/, "%2C", s); return s }
  match($0, /:[0-9]+:[0-9]+: error: /) && RSTART > 1 {
    split(substr($0, RSTART + 1, RLENGTH - 1), at, ":")
    printf "::error file=%s,line=%s,col=%s::%s\n", property(substr($0, 1, RSTART - 1)), at[1], at[2], data(substr($0, RSTART + RLENGTH))
    next
  }
  /^backendlint: / && !/^backendlint: note: / { printf "::error::%s\n", data(substr($0, 14)); next }
  { print > "/dev/stderr" }
' "$tool_home/stderr"

# suggest-fixes: what 'backendlint fix' would change, appended to the job summary by BackendLint
# itself (fix --format github). The diff is text of the checkout, so it never reaches the log: stdout
# is dropped, and the summary holds it in a fence no line of it can close, cut to what the summary
# has left. --dry-run writes nothing into the checkout, and the step's exit code and SARIF file are
# the check's. A check that could not read a source (exit 3) or ran with a usage error leaves nothing to fix.
if [ "$suggest_fixes" = true ]; then
  if [ "$status" -le 1 ]; then
    set +e
    "${backendlint[@]}" fix "$path" --dry-run --format github --fail-level none ${prefix[@]+"${prefix[@]}"} \
      > /dev/null 2> "$tool_home/fix-stderr"
    fix_status=$?
    set -e
    if [ "$fix_status" -ne 0 ]; then
      echo "::warning::suggest-fixes: 'backendlint fix --dry-run' exited $fix_status; the job summary suggests no fixes."
      awk 'NR <= 20 { gsub(/%/, "%25"); gsub(/\r/, "%0D"); printf "::warning::suggest-fixes: %s\n", $0 }' "$tool_home/fix-stderr"
    fi
  else
    echo "suggest-fixes: no fixes suggested, as the check ended with exit code $status."
  fi
fi

# Each SARIF result has exactly one "ruleId"; rules and notifications have none. Results already
# at the base carry baselineState "unchanged" and do not count.
findings=0
if [ -f "$sarif_path" ]; then
  results=$(grep -c '"ruleId":' "$sarif_path" || true)
  unchanged=$(grep -c '"baselineState": "unchanged"' "$sarif_path" || true)
  findings=$((results - unchanged))
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
echo "findings=$findings" >> "$GITHUB_OUTPUT"
exit "$status"
