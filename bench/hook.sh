#!/usr/bin/env bash
# The pre-commit hook as a user meets it: the first install, and a warm run against a no-op hook.
# A benchmark, not a test: CI does not run it (docs/performance.md, "The pre-commit hook").
#
#   bash bench/hook.sh path/to/LocalAI [REV...]        # REVs of this repository; default HEAD
#   RUNS=21 INSTALLS=1 bash bench/hook.sh ~/LocalAI HEAD~1 HEAD
#   INSTALLS=0 HOOK_BENCH_OUT=DIR CHANGE=backend/index.yaml bash bench/hook.sh ~/LocalAI SHA1 SHA2
#     (INSTALLS=0 reuses the installs an earlier run left in DIR: give the same commit ids)
#
# LocalAI is a checkout (its HEAD is archived) or a plain tree; the hook needs a git repository, so
# its files are committed into a fresh one. For each REV, pre-commit installs this repository at that
# commit into a fresh PRE_COMMIT_HOME (`pre-commit install-hooks`: clone, `dotnet pack`, `dotnet tool
# install`), INSTALLS times, interleaved across REVs; the NuGet cache is left as it is. Then RUNS
# rounds, each running a no-op hook (language: system, entry "true", the same files and
# pass_filenames) and, for every REV, `backendlint` and `backendlint-all`, all with
# `pre-commit run HOOK --all-files`. A slow spell of the machine so lands on every row of a round.
# Prints the median first install, and for each hook the median of the per-round differences to the
# no-op run of the same round, which is what the hook adds to a commit.
set -euo pipefail
localai=${1:?usage: bench/hook.sh path/to/LocalAI [REV...]}; shift
localai=$(cd "$localai" && pwd)
cd "$(dirname "$0")/.."
repo=$PWD
RUNS=${RUNS:-21}
INSTALLS=${INSTALLS:-1}
revs=("$@")
[ ${#revs[@]} -gt 0 ] || revs=(HEAD)
work=${HOOK_BENCH_OUT:-$(mktemp -d)}
mkdir -p "$work"
log() { echo "$*" >&2; }
files='^(\.github/workflows/backend\.yml|\.github/backend-matrix\.yml|backend/index\.yaml|Makefile|\.backendlint\.yml|\.backendlint-baseline\.json|scripts/changed-backends\.js|scripts/lib/backend-filter\.mjs|backend/Dockerfile\.[^/]+|backend/(cpp|go|python|rust)/[^/]+/[^/]+)$'

target="$work/localai"
rm -rf "$target"; mkdir -p "$target"
if git -C "$localai" rev-parse --git-dir > /dev/null 2>&1; then
  git -C "$localai" archive HEAD | tar -x -C "$target"
else
  cp -a "$localai/." "$target/"; rm -rf "$target/.git"
fi
(cd "$target" && git init -q && git add -A && git -c user.email=bench@example.invalid -c user.name=bench commit -qm tree)
# CHANGE=backend/index.yaml leaves that source changed against HEAD (a comment line appended), as in
# a commit that touches it: then `backendlint` must read and check HEAD too.
if [ -n "${CHANGE:-}" ]; then printf '\n# changed by bench/hook.sh\n' >> "$target/$CHANGE"; fi

cat > "$work/noop.yaml" <<YAML
repos:
  - repo: local
    hooks:
      - id: noop
        name: no-op
        language: system
        entry: "true"
        pass_filenames: false
        require_serial: true
        files: $files
YAML
shas=()
for i in "${!revs[@]}"; do
  sha=$(git rev-parse --verify "${revs[$i]}^{commit}")
  shas+=("$sha")
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: backendlint\n      - id: backendlint-all\n' "$repo" "$sha" > "$work/rev-$i.yaml"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
now() { date +%s%N; }
declare -A install=() times=()

# First installs: a fresh PRE_COMMIT_HOME each, the REVs interleaved.
for ((k = 0; k < INSTALLS; k++)); do
  for i in "${!revs[@]}"; do
    home="$work/home-$i"; rm -rf "$home"
    s=$(now)
    (cd "$target" && PRE_COMMIT_HOME=$home pre-commit install-hooks --config "$work/rev-$i.yaml" > "$work/install-$i.log" 2>&1) \
      || { log "install of ${revs[$i]} failed:"; tail -30 "$work/install-$i.log" >&2; exit 1; }
    e=$(now)
    install[$i]+="$(( (e - s) / 1000000 )) "
    log "first install ${revs[$i]}: $(( (e - s) / 1000000 )) ms"
  done
done

run() { # run NAME CONFIG HOOK HOME -> elapsed ms; the output of the first run is kept
  local name=$1 config=$2 hook=$3 home=$4 s e
  s=$(now)
  (cd "$target" && PRE_COMMIT_HOME=$home pre-commit run "$hook" --config "$config" --all-files --color never > "$work/out-$name.now" 2>&1) || true
  e=$(now)
  [ -f "$work/out-$name.txt" ] || mv "$work/out-$name.now" "$work/out-$name.txt"
  echo $(( (e - s) / 1000 ))
}
for ((r = 0; r < RUNS; r++)); do
  noop=$(run noop "$work/noop.yaml" noop "$work/home-noop")
  times[noop]+="$noop "
  for i in "${!revs[@]}"; do
    for hook in backendlint backendlint-all; do
      t=$(run "$hook-$i" "$work/rev-$i.yaml" "$hook" "$work/home-$i")
      times[$hook-$i]+="$t "
      times[$hook-$i-diff]+="$(( t - noop )) "
    done
  done
done

ms() { awk -v v="$1" 'BEGIN {printf "%.0f", v / 1000}'; }
echo "| revision | first install s | backendlint ms | minus no-op | backendlint-all ms | minus no-op |"
echo "|---|---:|---:|---:|---:|---:|"
for i in "${!revs[@]}"; do
  # shellcheck disable=SC2086 # space-separated lists
  printf '| %s (%s) | %.1f | %s | %s | %s | %s |\n' "${revs[$i]}" "${shas[$i]:0:9}" \
    "$(if [ -n "${install[$i]:-}" ]; then awk -v v="$(median ${install[$i]})" 'BEGIN {print v / 1000}'; else echo nan; fi)" \
    "$(ms "$(median ${times[backendlint-$i]})")" "$(ms "$(median ${times[backendlint-$i-diff]})")" \
    "$(ms "$(median ${times[backendlint-all-$i]})")" "$(ms "$(median ${times[backendlint-all-$i-diff]})")"
done
# shellcheck disable=SC2086
echo "no-op hook: $(ms "$(median ${times[noop]})") ms (medians of $RUNS interleaved rounds; first install: median of $INSTALLS)"
for i in "${!revs[@]}"; do
  for hook in backendlint backendlint-all; do
    cmp -s "$work/out-$hook-0.txt" "$work/out-$hook-$i.txt" || log "note: $hook prints differently at ${revs[$i]} than at ${revs[0]} ($work/out-$hook-*.txt)"
  done
done
log "outputs kept in $work"
