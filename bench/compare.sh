#!/usr/bin/env bash
# Before and after, interleaved: how a change moves the time of the same run on the same files.
#
#   bash bench/compare.sh OLD_BINARY NEW_BINARY DIRECTORY [RUNS] [-- CHECK_ARGS...]
#   bash bench/compare.sh /tmp/old/backendlint /tmp/new/backendlint ~/LocalAI 101 -- --format sarif
#
# Runs `check DIRECTORY` with each binary alternately, RUNS pairs (default 51), so a slow spell of
# the machine lands on both. Prints both medians, the median of the per-pair ratios (new / old), and
# each binary's peak resident set. Build the binaries with .ci/publish.sh from the two commits.
set -euo pipefail
old=${1:?usage: compare.sh OLD NEW DIRECTORY [RUNS] [-- ARGS...]}; new=${2:?}; dir=${3:?}; shift 3
runs=51
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
if [ "${1:-}" = "--" ]; then shift; fi
b=(); a=(); r=()
elapsed() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
for ((i = 0; i < runs; i++)); do
  x=$(elapsed "$old" check "$dir" "$@"); y=$(elapsed "$new" check "$dir" "$@")
  b+=("$x"); a+=("$y"); r+=("$(awk -v x="$x" -v y="$y" 'BEGIN {printf "%.4f", y / x}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
peak() { local f; f=$(mktemp); /usr/bin/time -f '%M' -o "$f" "$@" > /dev/null 2>&1 || true; awk '{printf "%.0f", $1 / 1024}' "$f"; rm -f "$f"; }
printf '%s %s: old %.1f ms, new %.1f ms (medians of %d), median ratio new/old %s; peak old %s MiB, new %s MiB\n' \
  "$dir" "$*" "$(awk -v v="$(median "${b[@]}")" 'BEGIN {print v / 1000}')" "$(awk -v v="$(median "${a[@]}")" 'BEGIN {print v / 1000}')" \
  "$runs" "$(median "${r[@]}")" "$(peak "$old" check "$dir" "$@")" "$(peak "$new" check "$dir" "$@")"
