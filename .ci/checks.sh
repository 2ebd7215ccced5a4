#!/usr/bin/env bash
# The product as users run it: the CLI on every fixture (exit codes and expected output) and the
# SARIF it writes (fixes included), validated by Microsoft's SARIF multitool with the GitHub code-scanning rules.
# Shared by .ci/run and .github/workflows/ci.yml so the two cannot drift.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- building the tool"
dotnet build BackendLint/BackendLint.csproj -c Release -o "$work/bin" -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
backendlint() { dotnet "$work/bin/backendlint.dll" "$@"; }

echo "--- the README's first command, with NUGET_PACKAGES set without a trailing slash (a common CI cache setting)"
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
first=$(sed -n '/^```sh$/,/^```$/p' README.md | sed -n 2p)
[ "$first" = "dotnet run --project BackendLint -c Release -- check fixtures/localai-default" ] || { echo "README's first command changed: $first"; status=1; }
out=$(NUGET_PACKAGES=${packages%/} bash -c "$first" 2> "$work/readme.err")
[ "$out" = "0 errors, 0 warnings in 0 of 6 backends" ] \
  || { echo "README's first command with NUGET_PACKAGES=${packages%/}: '$out'"; grep -m5 ' error ' "$work/readme.err"; status=1; }

echo "--- every fixture: output and exit code"
for dir in fixtures/*/; do
  name=$(basename "$dir")
  # The base is a whole repository, every other fixture an overlay.patch on a copy of it.
  bash fixtures/materialize.sh "$name" "$work/repo-$name" || { status=1; continue; }
  # From inside the repository, as a contributor runs it: text paths are relative to the current directory.
  (cd "$work/repo-$name" && backendlint check --no-color --sarif "$work/$name.sarif" > "$work/$name.txt")
  code=$?
  want=0
  grep -q ': error: ' "$dir/expected.txt" && want=1
  if [ "$code" -ne "$want" ]; then echo "$name: exit $code, expected $want"; status=1; fi
  if ! diff -u "$dir/expected.txt" "$work/$name.txt"; then echo "$name: output differs from expected.txt"; status=1; fi
  # Suppressed results too, as --include-suppressed writes them: the multitool validates both.
  backendlint check "$work/repo-$name" --format sarif --include-suppressed --output "$work/$name.include-suppressed.sarif" > /dev/null
done

echo "--- an unparseable source: exit 3, one positioned line, the rules it stops named, the others still run"
bash fixtures/materialize.sh BL3001-not-notparallel "$work/broken" || status=1
printf -- '- name: x\n  uri: [unclosed\nfoo: 1\n' > "$work/broken/backend/index.yaml"
(cd "$work/broken" && backendlint check --no-color --sarif "$work/broken.sarif" > "$work/broken.out" 2> "$work/broken.err")
code=$?
if [ "$code" -ne 3 ]; then echo "broken input: exit $code, expected 3"; status=1; fi
if [ "$(wc -l < "$work/broken.err")" -ne 2 ] || ! head -1 "$work/broken.err" | grep -q '^backend/index.yaml:[0-9]*:[0-9]*: error: ' \
    || ! tail -1 "$work/broken.err" | grep -qx 'backendlint: note: not run, as a source they need could not be read: BL1001, BL1002, BL1003, BL1004, BL1005, BL1006, BL1007, BL1008, BL1009, BL2001'; then
  echo "broken input: expected the positioned error and the rules not run, got:"; cat "$work/broken.err"; status=1
fi
# The Makefile rules still ran: the fixture's BL3001 finding is reported as usual.
if ! diff -u fixtures/BL3001-not-notparallel/expected.txt "$work/broken.out"; then echo "broken input: the Makefile rules did not report"; status=1; fi

echo "--- SARIF validation with @microsoft/sarif-multitool (rules Sarif;Ghas)"
# Fixable findings carry SARIF fixes (artifactChanges with replacements), here also under a --path-prefix.
backendlint check "$work/repo-BL3001-not-notparallel" --format sarif --path-prefix sub --output "$work/BL3001-not-notparallel.path-prefix.sarif" > /dev/null
with_fixes=$(grep -l '"artifactChanges": \[' "$work"/*.sarif | wc -l)
[ "$with_fixes" -ge 3 ] || { echo "expected SARIF files with fixes among those validated, found $with_fixes"; status=1; }
mkdir -p "$work/npm"
if npm install --prefix "$work/npm" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1; then
  multitool="$work/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  chmod u+x "$multitool"
  for sarif in "$work"/*.sarif; do
    # The multitool's exit code does not reflect validation failures: read its output.
    out=$("$multitool" validate --rule-kind "Sarif;Ghas" --level "Error;Warning" "$sarif" 2>&1)
    problems=$(grep -E ': (error|warning) [A-Z]+[0-9]+' <<< "$out")
    if [ -n "$problems" ] || ! grep -q 'Analysis completed successfully' <<< "$out"; then
      echo "$(basename "$sarif"):"; echo "${problems:-$out}"; status=1
    fi
  done
  echo "validated $(ls "$work"/*.sarif | wc -l) SARIF files, $with_fixes of them with fixes"
else
  echo "could not install @microsoft/sarif-multitool from npm"; status=1
fi

exit $status
