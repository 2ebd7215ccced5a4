#!/usr/bin/env bash
# BackendLint's benchmark: median wall time and peak memory of whole processes, measured in one run.
#
#   bash bench/run.sh                 # scales 1, 10 and 100, 5 runs each (yamllint: fewer at scale)
#   RUNS=3 SCALES="1 10" bash bench/run.sh
#   LOCALAI=path/to/LocalAI bash bench/run.sh    # also the real tree
#
# Builds: framework-dependent (dotnet backendlint.dll), ReadyToRun, Native AOT (.ci/publish.sh);
# each with text and with SARIF output. References on the same files: yamllint (Debian package,
# relaxed config, parsing the three YAML files) and a bare YamlDotNet YamlStream.Load (JIT and AOT).
# Repositories come from bench/BackendLint.Bench (consistent, LocalAI-shaped; scale 1 is about the
# real size). Rows are measured round-robin (see below). Prints a Markdown table (docs/performance.md)
# and the targets' ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SCALES=${SCALES:-1 10 100}
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
log() { echo "$*" >&2; }

if ! command -v yamllint > /dev/null; then
  log "installing yamllint (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq yamllint > /dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq yamllint > /dev/null)
  else sudo apt-get install -y -qq yamllint > /dev/null 2>&1 || (sudo apt-get update -qq && sudo apt-get install -y -qq yamllint > /dev/null); fi
fi

log "building"
dotnet build BackendLint/BackendLint.csproj -c Release -o "$out/fd" -nologo -v quiet > /dev/null
dotnet publish BackendLint/BackendLint.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v quiet > /dev/null
bash .ci/publish.sh "$out/aot" > /dev/null
dotnet build bench/BackendLint.Bench -c Release -o "$out/bench" -nologo -v quiet > /dev/null
dotnet publish bench/BackendLint.Bench -c Release -r linux-x64 -p:PublishAot=true -o "$out/bench-aot" -nologo -v quiet > /dev/null

targets=()
for scale in $SCALES; do
  dir="$out/scale-$scale"
  [ -d "$dir" ] || dotnet "$out/bench/BackendLint.Bench.dll" generate "$dir" "$scale"
  targets+=("$scale:$dir")
done
[ -n "${LOCALAI:-}" ] && targets+=("LocalAI:$LOCALAI")

# median_of MICROSECONDS... : their median, in milliseconds with one decimal.
median_of() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] / 1000}'
}

# median_ms N cmd... : the median wall time of N runs, in milliseconds (nanosecond clock).
median_ms() {
  local n=$1; shift
  local times=()
  for ((i = 0; i < n; i++)); do
    local start end
    start=$(date +%s%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  median_of "${times[@]}"
}

# peak_mib cmd... : maximum resident set size of one run, in MiB (the linter exits 1 on findings).
peak_mib() {
  { /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null || true; } | tail -n 1 | awk '{printf "%.0f", $1 / 1024}'
}

# once cmd... : wall time (ms) and peak (MiB) of a single run, for runs that take minutes.
once() {
  { /usr/bin/time -f '%e %M' "$@" 2>&1 > /dev/null || true; } | tail -n 1 | awk '{printf "%.0f %.0f", $1 * 1000, $2 / 1024}'
}

declare -A result
rows=("AOT text" "AOT sarif" "R2R text" "R2R sarif" "JIT text" "JIT sarif" "YamlDotNet load AOT" "YamlDotNet load JIT" "yamllint")
command_for() { # row dir -> command
  local row=$1 dir=$2
  local yaml=("$dir/backend/index.yaml" "$dir/.github/backend-matrix.yml" "$dir/.github/workflows/backend.yml")
  [ -f "${yaml[1]}" ] || yaml=("$dir/backend/index.yaml" "$dir/.github/workflows/backend.yml")
  case $row in
    "AOT text") echo "$out/aot/backendlint check $dir" ;;
    "AOT sarif") echo "$out/aot/backendlint check $dir --format sarif" ;;
    "R2R text") echo "dotnet $out/r2r/backendlint.dll check $dir" ;;
    "R2R sarif") echo "dotnet $out/r2r/backendlint.dll check $dir --format sarif" ;;
    "JIT text") echo "dotnet $out/fd/backendlint.dll check $dir" ;;
    "JIT sarif") echo "dotnet $out/fd/backendlint.dll check $dir --format sarif" ;;
    "YamlDotNet load AOT") echo "$out/bench-aot/BackendLint.Bench yaml-load ${yaml[*]}" ;;
    "YamlDotNet load JIT") echo "dotnet $out/bench/BackendLint.Bench.dll yaml-load ${yaml[*]}" ;;
    "yamllint") echo "yamllint -d relaxed ${yaml[*]}" ;;
  esac
}

# The machine this was tuned on alternates between a fast and a slow state for seconds at a time, so
# the rows are measured round-robin: round r runs every row once, and a slow spell is shared by all
# rows instead of landing on one row's consecutive runs. The median of each row's runs is reported.
runs_for() { # row label -> how many runs
  local row=$1 label=$2
  # yamllint takes about a second per scale unit: fewer runs where it is slow.
  if [ "$row" = yamllint ] && [ "$label" != 1 ] && [ "$label" != LocalAI ]; then echo $(( label >= 100 ? 1 : 3 )); else echo "$RUNS"; fi
}
for target in "${targets[@]}"; do
  label=${target%%:*}; dir=${target#*:}
  declare -A times=()
  for ((round = 1; round <= RUNS; round++)); do
    for row in "${rows[@]}"; do
      runs=$(runs_for "$row" "$label")
      (( round > runs )) && continue
      read -r -a cmd <<< "$(command_for "$row" "$dir")"
      if [ "$runs" -eq 1 ]; then
        read -r ms mib <<< "$(once "${cmd[@]}")"
        result["$row|$label|ms"]=$ms; result["$row|$label|mib"]=$mib
        continue
      fi
      start=$(date +%s%N); "${cmd[@]}" > /dev/null 2>&1 || true; end=$(date +%s%N)
      times[$row]+="$(( (end - start) / 1000 )) "
    done
  done
  for row in "${rows[@]}"; do
    runs=$(runs_for "$row" "$label")
    if [ "$runs" -gt 1 ]; then
      read -r -a cmd <<< "$(command_for "$row" "$dir")"
      # shellcheck disable=SC2086 # the list is space-separated on purpose
      result["$row|$label|ms"]=$(median_of ${times[$row]})
      result["$row|$label|mib"]=$(peak_mib "${cmd[@]}")
    fi
    log "$label: $row ($runs runs): ${result["$row|$label|ms"]} ms, ${result["$row|$label|mib"]} MiB"
  done
  unset times
done
startup_aot=$(median_ms "$RUNS" "$out/aot/backendlint" --version)
startup_jit=$(median_ms "$RUNS" dotnet "$out/fd/backendlint.dll" --version)
startup_r2r=$(median_ms "$RUNS" dotnet "$out/r2r/backendlint.dll" --version)

labels=()
for target in "${targets[@]}"; do labels+=("${target%%:*}"); done
header="| run (median of $RUNS) |"; sep="|---|"
for l in "${labels[@]}"; do header+=" scale $l ms | MiB |"; sep+="---:|---:|"; done
echo "$header" | sed 's/scale LocalAI/LocalAI/'; echo "$sep"
for row in "${rows[@]}"; do
  line="| $row |"
  for l in "${labels[@]}"; do line+=" ${result["$row|$l|ms"]} | ${result["$row|$l|mib"]} |"; done
  echo "$line"
done
echo
echo "Start-up (--version): AOT $startup_aot ms, R2R $startup_r2r ms, JIT $startup_jit ms."
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
if [[ " ${labels[*]} " == *" 1 "* ]]; then
  echo "yamllint / AOT sarif at scale 1: $(ratio "${result["yamllint|1|ms"]}" "${result["AOT sarif|1|ms"]}")x (target: at least 20x)."
fi
if [[ " ${labels[*]} " == *" 1 "* && " ${labels[*]} " == *" 100 "* ]]; then
  for b in AOT R2R JIT; do
    s=$(eval echo "\$startup_${b,,}")
    echo "$b sarif, (scale 100 - start-up) / (scale 1 - start-up): $(awk -v h="${result["$b sarif|100|ms"]}" -v o="${result["$b sarif|1|ms"]}" -v s="$s" 'BEGIN {printf "%.0f", (h - s) / (o - s)}') (target: at most 110)."
  done
fi
log "outputs kept in $out"
