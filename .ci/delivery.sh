#!/usr/bin/env bash
# BackendLint where users get it, each tested for real: the release's steps without publishing
# (the version check, the .NET tool packed and installed, the Native AOT binary and its SHA256SUMS),
# the GitHub Action's script (building from source, and downloading a release: a good binary runs,
# a tampered one is refused), the pre-commit hook (pre-commit run, as a user configures it, on a clean and a broken
# repository), and the release binary's output, which must equal the JIT build's.
# Shared by .ci/run and .github/workflows/ci.yml.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bad() { echo "FAILED: $*"; status=1; }
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' Directory.Build.props)
# Every fixture as a whole repository: the base and the base with each overlay.patch applied.
for dir in fixtures/*/; do
  bash fixtures/materialize.sh "$(basename "$dir")" "$work/fixtures/$(basename "$dir")" || bad "materialize $dir"
done
expect() { # expect CODE DESCRIPTION COMMAND...
  local want=$1 what=$2; shift 2
  "$@" > "$work/out" 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then bad "$what: exit $got, expected $want"; sed 's/^/    /' "$work/out" | tail -20; fi
}

echo "--- release: the tag must name the version of Directory.Build.props (.ci/release-version.sh)"
[ "$(bash .ci/release-version.sh "v$version" 2> "$work/tag.err")" = "$version" ] || { bad "release-version.sh v$version"; cat "$work/tag.err"; }
bash .ci/release-version.sh "v$version.1" > /dev/null 2> "$work/tag.err" && bad "release-version.sh accepted the tag v$version.1"
grep -q "does not name the version in Directory.Build.props ($version)" "$work/tag.err" || { bad "release-version.sh: no reason given"; cat "$work/tag.err"; }

echo "--- .NET tool: pack as the release does (.ci/release-pack.sh), for a fork; install from the package, run"
# A fork that publishes sets RepositoryUrl to itself: its package and its reports must link there.
fork=https://example.invalid/fork/backendlint
bash .ci/release-pack.sh "$work/nupkg" "-p:RepositoryUrl=$fork" > "$work/pack.log" 2>&1 || { bad "release-pack.sh"; cat "$work/pack.log"; }
packages=$(ls "$work/nupkg"/*.nupkg 2>/dev/null | wc -l)
[ "$packages" -eq 1 ] || bad "expected exactly one package from the repository root, got $packages"
nuspec=$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("BackendLint.nuspec").decode())' "$work/nupkg/BackendLint.$version.nupkg" 2>&1)
grep -q "<projectUrl>$fork</projectUrl>" <<< "$nuspec" || bad "the package's projectUrl is not the fork's: $(grep -i url <<< "$nuspec")"
dotnet tool install --tool-path "$work/tool" --add-source "$work/nupkg" BackendLint > "$work/install.log" 2>&1 || { bad "dotnet tool install"; cat "$work/install.log"; }
expect 0 "installed tool on the clean fixture" "$work/tool/backendlint" check "$work/fixtures/localai-default"
expect 1 "installed tool on a broken fixture" "$work/tool/backendlint" check "$work/fixtures/BL1001-image-not-built"
"$work/tool/backendlint" check "$work/fixtures/localai-default" --format sarif | grep -q "\"informationUri\": \"$fork\"" || bad "the fork's package does not report the fork as its home"

echo "--- release binary for this machine (.ci/release-binary.sh, Native AOT) and SHA256SUMS (.ci/release-checksums.sh)"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
esac
# Laid out as the release's download URLs are: RELEASE/v<version>/<asset>.
release="$work/release/v$version"
aot="$release/backendlint-$rid"
if bash .ci/release-binary.sh "$rid" "$release" > "$work/publish.log" 2>&1 && bash .ci/release-checksums.sh "$release" > "$work/checksums.log" 2>&1; then
  (cd "$release" && sha256sum --check --quiet SHA256SUMS) || bad "SHA256SUMS does not check with sha256sum"
else
  bad "release binary"; tail -20 "$work/publish.log" "$work/checksums.log"
fi
# The action as a workflow runs it: GITHUB_* and RUNNER_* as the runner sets them, the release
# downloaded from the local directory above.
action_env() { # action_env OUT: the environment of the action's step, with its outputs in OUT
  : > "$1/output"; : > "$1/summary"
  echo "GITHUB_ACTION_PATH=$repo" "GITHUB_OUTPUT=$1/output" "GITHUB_STEP_SUMMARY=$1/summary" "RUNNER_TEMP=$work" \
    "RUNNER_OS=Linux" "RUNNER_ARCH=$([ "$rid" = linux-x64 ] && echo X64 || echo ARM64)" "BACKENDLINT_RELEASE_BASE_URL=file://$work/release"
}

echo "--- GitHub Action script (.github/action/run.sh)"
for case in "localai-default 0 0" "BL1001-image-not-built 1 1"; do
  set -- $case
  out="$work/action-$1"; mkdir -p "$out"
  (cd "$out" && env $(action_env "$out") BACKENDLINT_PATH=$work/fixtures/$1 BACKENDLINT_SARIF=lint.sarif \
      bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
  code=$?
  [ "$code" -eq "$2" ] || { bad "action on $1: exit $code, expected $2"; cat "$out/stderr"; }
  grep -qx "findings=$3" "$out/output" || bad "action on $1: expected findings=$3 in GITHUB_OUTPUT, got: $(cat "$out/output")"
  grep -qx "sarif-file=lint.sarif" "$out/output" || bad "action on $1: no sarif-file output"
  [ -s "$out/lint.sarif" ] || bad "action on $1: no SARIF written"
  grep -q '^## BackendLint' "$out/summary" || bad "action on $1: no job summary"
  grep -qx "::add-matcher::$repo/.github/backendlint-matcher.json" "$out/stdout" || bad "action on $1: the problem matcher is not registered"
  if [ "$3" -gt 0 ]; then grep -q '^::error file=backend/index.yaml,line=' "$out/stdout" || bad "action on $1: no annotations"; fi
done

echo "--- the action on a released version: the binary runs only if it matches SHA256SUMS"
out="$work/action-release"; mkdir -p "$out"
(cd "$out" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=$work/fixtures/BL1001-image-not-built \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 1 ] && grep -qx "findings=1" "$out/output" && grep -q '^::error file=backend/index.yaml,line=' "$out/stdout" \
  || { bad "action on v$version: exit $code, expected 1 with its finding annotated"; cat "$out/stderr" "$out/stdout" | tail -20; }
# Where a runner keeps the action (_actions/OWNER/REPO/REF), it downloads from that repository's
# releases on GITHUB_SERVER_URL: here a file:// server that has the release at that path.
runner_copy="$work/runner/_actions/someone/backendlint-fork/v0"; mkdir -p "$runner_copy"
cp -r .github Directory.Build.props "$runner_copy/"
mkdir -p "$work/server/someone/backendlint-fork/releases/download"
cp -r "$release" "$work/server/someone/backendlint-fork/releases/download/"
out="$work/action-from-runner"; mkdir -p "$out"
(cd "$out" && env $(action_env "$out") BACKENDLINT_RELEASE_BASE_URL= GITHUB_ACTION_PATH=$runner_copy GITHUB_SERVER_URL=file://$work/server \
    BACKENDLINT_VERSION=$version BACKENDLINT_PATH=$work/fixtures/BL1001-image-not-built bash "$runner_copy/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 1 ] && grep -qx "findings=1" "$out/output" || { bad "action kept by the runner: exit $code, expected 1 from the release of its own repository"; cat "$out/stdout" "$out/stderr" | tail -20; }
# The same release with one byte of the binary changed, then without the binary's entry.
tampered="$work/tampered/v$version"; mkdir -p "$tampered"
cp "$release"/* "$tampered/"
printf 'X' | dd of="$tampered/backendlint-$rid" bs=1 seek=4096 conv=notrunc status=none
grep -v " backendlint-$rid\$" "$release/SHA256SUMS" > "$work/no-entry.sums"
for case in tampered no-entry; do
  out="$work/action-$case"; mkdir -p "$out"
  [ "$case" = no-entry ] && { rm -rf "$tampered"; mkdir -p "$tampered"; cp "$release"/* "$tampered/"; cp "$work/no-entry.sums" "$tampered/SHA256SUMS"; }
  (cd "$out" && env $(action_env "$out") BACKENDLINT_RELEASE_BASE_URL=file://$work/tampered BACKENDLINT_VERSION=$version \
      BACKENDLINT_PATH=$work/fixtures/BL1001-image-not-built bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
  code=$?
  [ "$code" -eq 2 ] || bad "action on a $case release binary: exit $code, expected 2"
  grep -q "^::error::backendlint-$rid of BackendLint v$version does not match the release's SHA256SUMS" "$out/stdout" \
    || { bad "action on a $case release binary: no clear refusal"; cat "$out/stdout" "$out/stderr"; }
  grep -q '^::error file=' "$out/stdout" && bad "action on a $case release binary: the binary ran"
  [ -s "$out/output" ] && bad "action on a $case release binary: outputs were set: $(cat "$out/output")"
done
out="$work/action-no-release"; mkdir -p "$out"
(cd "$out" && env $(action_env "$out") BACKENDLINT_VERSION=9.9.9 bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 2 ] && grep -q '^::error::cannot download backendlint-' "$out/stdout" || { bad "action on a version without a release: exit $code"; cat "$out/stdout"; }

echo "--- the action with path: a folder of the workspace: annotations and SARIF name files from the workspace"
ws="$work/workspace"; mkdir -p "$ws"
bash fixtures/materialize.sh BL3001-not-notparallel "$ws/sub" > /dev/null || bad "materialize BL3001-not-notparallel"
for path in sub "$ws/sub/"; do
  out="$work/action-sub"; rm -rf "$out"; mkdir -p "$out"
  (cd "$ws" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=$path BACKENDLINT_SARIF=$out/lint.sarif \
      bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
  code=$?
  [ "$code" -eq 1 ] || { bad "action with path $path: exit $code, expected 1"; cat "$out/stderr"; }
  grep -q '^::error file=sub/Makefile,line=41,.*%0Asub/Makefile:4:2: ' "$out/stdout" || { bad "action with path $path: the annotation does not name sub/Makefile"; cat "$out/stdout"; }
  grep -q '^::error file=Makefile' "$out/stdout" && bad "action with path $path: an annotation names the workspace's Makefile"
  uris=$(grep -o '"uri": "[^"]*"' "$out/lint.sarif" | sort -u)
  [ -n "$uris" ] && ! grep -qv '"uri": "sub/' <<< "$uris" || bad "action with path $path: SARIF uris outside sub/: $uris"
done
# A source that cannot be parsed: the input error is an annotation at its position, in the folder.
printf -- '- name: x\n  uri: [unclosed\nfoo: 1\n' > "$ws/sub/backend/index.yaml"
out="$work/action-sub-broken"; mkdir -p "$out"
(cd "$ws" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=sub BACKENDLINT_SARIF=$out/lint.sarif \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 3 ] || bad "action on a broken source: exit $code, expected 3"
grep -q '^::error file=sub/backend/index.yaml,line=[0-9]*,col=[0-9]*::' "$out/stdout" || { bad "action on a broken source: no annotation at the error"; cat "$out/stdout" "$out/stderr"; }
grep -q 'error: ' "$out/stderr" && bad "action on a broken source: the error was left as plain text: $(cat "$out/stderr")"
grep -q '"uri": "sub/backend/index.yaml"' "$out/lint.sarif" || bad "action on a broken source: the SARIF notification does not name sub/backend/index.yaml"
grep -qx "sarif-file=$out/lint.sarif" "$out/output" || bad "action on a broken source: the SARIF written is not an output"
# A run that writes no SARIF (a usage error) sets no sarif-file output, even with a SARIF file in the checkout.
out="$work/action-no-sarif"; mkdir -p "$out"
echo '{"planted": true}' > "$ws/planted.sarif"
(cd "$ws" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=sub BACKENDLINT_SARIF=planted.sarif BACKENDLINT_FAIL_LEVEL=fatal \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 2 ] || bad "action with a bad fail-level: exit $code, expected 2"
grep -q '^sarif-file=' "$out/output" && bad "action with a bad fail-level: sarif-file is set though nothing was written"
grep -q "^::error::--fail-level: 'fatal' is not one of" "$out/stdout" || { bad "action with a bad fail-level: the usage error is not an annotation"; cat "$out/stdout" "$out/stderr"; }

echo "--- the action with suggest-fixes: the diff in the job summary; the exit code, the SARIF and the checkout as without it"
fixes="$work/suggest"; mkdir -p "$fixes"
bash fixtures/materialize.sh BL3001-not-notparallel "$fixes/sub" > /dev/null || bad "materialize BL3001-not-notparallel"
tree() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(tree "$fixes/sub")
for suggest in false true; do
  out="$work/action-suggest-$suggest"; mkdir -p "$out"
  (cd "$fixes" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=sub BACKENDLINT_SARIF=$out/lint.sarif \
      BACKENDLINT_SUGGEST_FIXES=$suggest bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
  echo $? > "$out/code"
done
on="$work/action-suggest-true"; off="$work/action-suggest-false"
[ "$(cat "$on/code")" -eq 1 ] && [ "$(cat "$off/code")" -eq 1 ] || bad "action with suggest-fixes: exit $(cat "$on/code"), without $(cat "$off/code"), expected 1 both"
cmp -s "$on/lint.sarif" "$off/lint.sarif" || bad "action with suggest-fixes: the SARIF differs from the run without it"
[ "$(grep '^findings=' "$on/output")" = "$(grep '^findings=' "$off/output")" ] && grep -qx "sarif-file=$on/lint.sarif" "$on/output" \
  || bad "action with suggest-fixes: the outputs differ: $(cat "$on/output")"
[ "$(tree "$fixes/sub")" = "$before" ] || bad "action with suggest-fixes: the checkout changed"
grep -q '^### Suggested fixes$' "$on/summary" && grep -q '^```diff$' "$on/summary" && grep -qx -- '--- a/sub/Makefile' "$on/summary" \
  && grep -q "^+	backends/kokoro" "$on/summary" || { bad "action with suggest-fixes: no diff in the job summary"; cat "$on/summary"; }
grep -q 'Suggested fixes' "$off/summary" && bad "action without suggest-fixes: the job summary suggests fixes"
grep -q -- '--- a/\|^+	backends/kokoro' "$on/stdout" "$on/stderr" && bad "action with suggest-fixes: the diff reached the log"
out="$work/action-suggest-clean"; mkdir -p "$out"
(cd "$out" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=$work/fixtures/localai-default BACKENDLINT_SUGGEST_FIXES=true \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 0 ] && grep -q '^Nothing to fix' "$out/summary" || { bad "action with suggest-fixes on a clean repository: exit $code"; cat "$out/summary" "$out/stdout"; }
out="$work/action-suggest-bad"; mkdir -p "$out"
(cd "$out" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_PATH=$work/fixtures/localai-default BACKENDLINT_SUGGEST_FIXES=yes \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 2 ] && grep -q "^::error::suggest-fixes must be true or false, not 'yes'" "$out/stdout" || { bad "action with suggest-fixes: yes: exit $code"; cat "$out/stdout"; }

echo "--- the action with new-only: findings already at the pull request's base do not count"
pr="$work/action-pr"; out="$work/action-pr-out"; mkdir -p "$out"
bash fixtures/materialize.sh adoption-debt "$pr" || bad "materialize adoption-debt"
(cd "$pr" && git init -q && git add -A && git -c user.email=ci@example.invalid -c user.name=ci commit -qm base)
base_sha=$(git -C "$pr" rev-parse HEAD)
sed -i 's/^\tbackends\/vllm backends\/kokoro \\$/\tbackends\/vllm \\/' "$pr/Makefile"
(cd "$pr" && env $(action_env "$out") BACKENDLINT_SARIF=$out/lint.sarif BACKENDLINT_NEW_ONLY=true BACKENDLINT_PR_BASE=$base_sha \
    bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
code=$?
[ "$code" -eq 1 ] || { bad "action new-only: exit $code, expected 1"; cat "$out/stderr"; }
grep -qx "findings=1" "$out/output" || bad "action new-only: expected findings=1, got: $(cat "$out/output")"
[ "$(grep -c '^::error ' "$out/stdout")" -eq 1 ] || { bad "action new-only: expected exactly one error annotation"; cat "$out/stdout"; }
grep -q "backends/kokoro" "$out/stdout" || bad "action new-only: the new finding is not annotated"
(cd "$pr" && env $(action_env "$out") BACKENDLINT_VERSION=$version BACKENDLINT_NEW_ONLY=true bash "$repo/.github/action/run.sh" > "$out/nobase" 2>&1)
code=$?
[ "$code" -eq 2 ] && grep -q '^::error::new-only needs a base revision' "$out/nobase" || { bad "action new-only without a base: exit $code"; cat "$out/nobase"; }

echo "--- the action on a hostile pull request: nothing of the checkout decides what runs"
# The checkout carries every lever dotnet reads from a directory: a global.json naming an SDK that
# does not exist (and an SDK path), MSBuild files and a tool manifest, and a nuget.config whose only
# source holds a fake BackendLint. Each would leave a marker in $pwned, or make dotnet fail.
hostile="$work/hostile"; pwned="$work/pwned"; mkdir -p "$pwned"
bash fixtures/materialize.sh BL1001-image-not-built "$hostile" || bad "materialize the hostile repository"
printf '{ "sdk": { "version": "1.0.0", "rollForward": "disable", "paths": [ "evil-sdk", "$host$" ] } }\n' > "$hostile/global.json"
for kind in props targets; do
  printf '<Project><Target Name="Pwn" BeforeTargets="Restore;CollectPackageReferences;Build"><WriteLinesToFile File="%s" Lines="ran" /></Target></Project>\n' \
    "$pwned/directory-build-$kind" > "$hostile/Directory.Build.$kind"
done
mkdir -p "$hostile/.config"
printf '{ "version": 1, "isRoot": true, "tools": { "backendlint": { "version": "%s", "commands": [ "backendlint" ] } } }\n' "$version" > "$hostile/.config/dotnet-tools.json"
fake="$work/fake-tool"; mkdir -p "$fake"
cat > "$fake/BackendLint.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings>
    <PackAsTool>true</PackAsTool><ToolCommandName>backendlint</ToolCommandName><PackageId>BackendLint</PackageId><Version>$version</Version>
  </PropertyGroup>
</Project>
XML
printf 'File.WriteAllText("%s", "ran"); return 0;\n' "$pwned/fake-tool" > "$fake/Program.cs"
(cd "$fake" && dotnet pack -c Release -o "$hostile/evil-feed" -nologo -v quiet > "$work/fake.log" 2>&1) || { bad "pack the fake tool"; cat "$work/fake.log"; }
printf '<configuration><packageSources><clear /><add key="evil" value="evil-feed" /></packageSources></configuration>\n' > "$hostile/nuget.config"
(cd "$hostile" && dotnet --version > /dev/null 2>&1) && bad "the hostile global.json should make dotnet fail inside the checkout"
for mode in build release; do
  out="$work/hostile-$mode"; mkdir -p "$out"
  env=($(action_env "$out") BACKENDLINT_SARIF=$out/lint.sarif)
  [ "$mode" = release ] && env+=(BACKENDLINT_VERSION=$version)
  (cd "$hostile" && env "${env[@]}" bash "$repo/.github/action/run.sh" > "$out/stdout" 2> "$out/stderr")
  code=$?
  [ "$code" -eq 1 ] || { bad "action ($mode) on the hostile repository: exit $code, expected 1 (its real finding)"; tail -20 "$out/stderr"; }
  grep -qx "findings=1" "$out/output" || bad "action ($mode) on the hostile repository: expected findings=1, got: $(cat "$out/output")"
done
if [ -n "$(ls -A "$pwned")" ]; then bad "something of the hostile checkout ran: $(ls "$pwned")"; else echo "nothing of the hostile checkout ran (2 modes, 5 levers)"; fi

echo "--- pre-commit hook: pre-commit run on a clean and a broken repository"
if ! command -v pre-commit > /dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) > "$work/apt.log" 2>&1 || cat "$work/apt.log"
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) > "$work/apt.log" 2>&1 || cat "$work/apt.log"
  fi
fi
if command -v pre-commit > /dev/null; then
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  # The hooks as a user's .pre-commit-config.yaml names them: this repository at this commit. Unlike
  # try-repo, whose store is a temporary directory, the install stays in PRE_COMMIT_HOME, where the
  # check below finds it, and it happens once for every run that follows.
  hookcfg="$work/pre-commit-config.yaml"
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: backendlint\n      - id: backendlint-all\n' \
    "$repo" "$(git -C "$repo" rev-parse HEAD)" > "$hookcfg"
  # backendlint-all: every finding counts.
  for case in "localai-default 0" "BL3001-not-notparallel 1"; do
    set -- $case
    target="$work/hook-$1"
    bash fixtures/materialize.sh "$1" "$target" || bad "materialize $1"
    (cd "$target" && git init -q && git add -A && git -c user.email=ci@example.invalid -c user.name=ci commit -qm fixture)
    (cd "$target" && pre-commit run --config "$hookcfg" backendlint-all --all-files > "$work/hook-$1.log" 2>&1)
    code=$?
    if { [ "$2" -eq 0 ] && [ "$code" -ne 0 ]; } || { [ "$2" -ne 0 ] && [ "$code" -eq 0 ]; }; then
      bad "pre-commit run on $1: exit $code"; tail -30 "$work/hook-$1.log"
    fi
  done
  grep -q "Target 'backends/kokoro' is missing" "$work/hook-BL3001-not-notparallel.log" || bad "pre-commit did not show the finding"
  # This machine has a C toolchain, so the hook pre-commit installed is the Native AOT build: a
  # native executable in the tool's store, no backendlint.dll (docs/performance.md, "The pre-commit hook").
  if [ -z "$(find "$PRE_COMMIT_HOME" -path '*/tools/any/*' -name backendlint -type f)" ] || [ -n "$(find "$PRE_COMMIT_HOME" -name backendlint.dll)" ]; then
    bad "pre-commit did not install the Native AOT build: $(find "$PRE_COMMIT_HOME" -path '*/tools/*' -name 'backendlint*' | head -5)"
  else
    echo "pre-commit installed the Native AOT build"
  fi

  # backendlint (--new-since HEAD): on a repository with four known findings, a commit that only
  # touches other lines passes; one that introduces a problem fails, showing only that problem.
  target="$work/hook-debt"
  bash fixtures/materialize.sh adoption-debt "$target" || bad "materialize adoption-debt"
  (cd "$target" && git init -q && git add -A && git -c user.email=ci@example.invalid -c user.name=ci commit -qm debt)
  sed -i 's/^GOCMD=go$/GOCMD = go/' "$target/Makefile"
  (cd "$target" && git add Makefile && pre-commit run --config "$hookcfg" backendlint > "$work/hook-debt-touch.log" 2>&1) \
    || { bad "pre-commit blocked a commit that introduces nothing"; tail -30 "$work/hook-debt-touch.log"; }
  (cd "$target" && git -c user.email=ci@example.invalid -c user.name=ci commit -qm touch --no-verify)
  sed -i 's/^\tbackends\/vllm backends\/kokoro \\$/\tbackends\/vllm \\/' "$target/Makefile"
  (cd "$target" && git add Makefile && pre-commit run --config "$hookcfg" backendlint > "$work/hook-debt-new.log" 2>&1) \
    && bad "pre-commit let a new problem through"
  grep -q "Target 'backends/kokoro' is missing" "$work/hook-debt-new.log" || { bad "pre-commit did not show the new finding"; tail -30 "$work/hook-debt-new.log"; }
  grep -q "backends/whisper" "$work/hook-debt-new.log" && bad "pre-commit showed a finding that was already at HEAD"
  grep -q "1 error, 0 warnings in 1 of 6 backends (4 already at HEAD)" "$work/hook-debt-new.log" || { bad "pre-commit summary"; tail -30 "$work/hook-debt-new.log"; }
else
  bad "pre-commit is not installed and could not be installed"
fi

echo "--- the hook's package without a working linker: the ReadyToRun build, and the pack succeeds"
# The linker ILCompiler would use, made unusable: the Native AOT attempt fails and the ReadyToRun
# package the first pack made stays. pre-commit would install it.
packdir="$work/pack-fallback"
mkdir -p "$packdir/src"
git -C "$repo" archive HEAD | tar -x -C "$packdir/src"
if (cd "$packdir/src" && CppCompilerAndLinker=/nonexistent/cc dotnet pack --configuration Release --output "$packdir/out" > "$packdir/pack.log" 2>&1); then
  grep -q "the Native AOT build failed" "$packdir/pack.log" || { bad "fallback pack: no note that the AOT build failed"; tail -20 "$packdir/pack.log"; }
  entries=$(unzip -l "$packdir/out/BackendLint.0.1.0.nupkg" | awk '{print $4}')
  echo "$entries" | grep -qx 'tools/net10.0/linux-x64/backendlint.dll' || bad "fallback pack: not the ReadyToRun build: $(echo "$entries" | grep tools/)"
  echo "fallback pack: ReadyToRun package, exit 0"
else
  bad "fallback pack failed"; tail -20 "$packdir/pack.log"
fi

echo "--- release binary: output equal to the JIT build on every fixture"
if [ -x "$aot" ]; then
  dotnet build BackendLint/BackendLint.csproj -c Release -o "$work/jit" -nologo -v quiet > /dev/null 2>&1 || bad "JIT build"
  compared=0
  for dir in "$work"/fixtures/*/; do
    for format in text sarif json github; do
      a=$("$aot" check "$dir" --format "$format" 2>&1; echo "exit $?")
      b=$(dotnet "$work/jit/backendlint.dll" check "$dir" --format "$format" 2>&1; echo "exit $?")
      [ "$a" == "$b" ] || bad "AOT and JIT differ on $dir --format $format"
      compared=$((compared + 1))
    done
    a=$("$aot" model "$dir"); b=$(dotnet "$work/jit/backendlint.dll" model "$dir")
    [ "$a" == "$b" ] || bad "AOT and JIT models differ on $dir"
  done
  echo "compared $compared outputs"
  expect 3 "AOT binary on a missing repository" "$aot" check "$work/no-such-repo"
  # Hostile inputs through both builds: the same output and exit code, and never a crash (an exit
  # of 128 or more: the old AOT binary died with 139 on a merge chain, the JIT build with 134).
  hostile_inputs="$work/hostile-inputs"; mkdir -p "$hostile_inputs"
  make_repo() { bash fixtures/materialize.sh localai-default "$hostile_inputs/$1" > /dev/null; }
  make_repo merge-chain
  { echo "- &m0"; echo "  name: m0"; for i in $(seq 1 100000); do printf -- '- &m%d\n  <<: *m%d\n  name: m%d\n' "$i" $((i - 1)) "$i"; done; } > "$hostile_inputs/merge-chain/backend/index.yaml"
  make_repo merge-tree
  { echo "- &d0"; echo "  name: d0"; for i in $(seq 1 19); do printf -- '- &d%d\n  <<: [*d%d, *d%d]\n  name: d%d\n' "$i" $((i - 1)) $((i - 1)) "$i"; done
    for i in $(seq 1 60); do printf -- '- <<: *d19\n  name: e%d\n' "$i"; done; } > "$hostile_inputs/merge-tree/backend/index.yaml"
  make_repo long-list
  for i in $(seq 1 100000); do echo ".NOTPARALLEL: backends/x$i"; done >> "$hostile_inputs/long-list/Makefile"
  make_repo many-findings
  for i in $(seq 1 6000); do echo "BACKEND_X$i = x$i|python|.|false|true"; done >> "$hostile_inputs/many-findings/Makefile"
  make_repo control-characters
  printf -- '- name: "a\\n::add-mask::x\\e[31m"\n  uri: quay.io/go-skynet/local-ai-backends:latest-never-built\n' >> "$hostile_inputs/control-characters/backend/index.yaml"
  for case in merge-chain merge-tree long-list many-findings control-characters; do
    a=$(timeout 120 "$aot" check "$hostile_inputs/$case" --format sarif 2>&1; echo "exit $?")
    b=$(timeout 120 dotnet "$work/jit/backendlint.dll" check "$hostile_inputs/$case" --format sarif 2>&1; echo "exit $?")
    code=${a##*exit }
    if [ "$code" -ge 4 ]; then bad "AOT binary on the hostile input $case: exit $code"; fi
    [ "$a" == "$b" ] || bad "AOT and JIT differ on the hostile input $case (AOT ${a##*exit }, JIT ${b##*exit })"
  done
  echo "compared 5 hostile inputs"

  # The file-type check calls into the runtime's native shim, linked into the AOT binary.
  bash fixtures/materialize.sh localai-default "$work/links" > /dev/null
  ln -sf /dev/zero "$work/links/backend/index.yaml"
  rm "$work/links/Makefile"; mkfifo "$work/links/Makefile"
  timeout 30 "$aot" check "$work/links" > /dev/null 2> "$work/links.err"
  code=$?
  [ "$code" -eq 3 ] || bad "AOT binary on a /dev/zero link and a pipe: exit $code, expected 3"
  grep -q "^backend/index.yaml:1:1: error: the file is a symbolic link to '/dev/zero', outside the repository" "$work/links.err" || bad "AOT binary: no error for the /dev/zero link: $(cat "$work/links.err")"
  grep -q "^Makefile:1:1: error: expected a regular file, found a device, pipe or socket" "$work/links.err" || bad "AOT binary: no error for the pipe: $(cat "$work/links.err")"
else
  bad "no release binary to compare"
fi

exit $status
