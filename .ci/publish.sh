#!/usr/bin/env bash
# Publishes the binary for this machine's architecture as OUT/backendlint: the release binary
# (.ci/release-binary.sh) for linux-x64 or linux-arm64. The Dockerfile runs it when it builds from
# source; bench/run.sh measures its output.
# Usage: .ci/publish.sh OUT [MSBUILD_ARGUMENT...]
set -euo pipefail
out=${1:?usage: .ci/publish.sh OUT [MSBUILD_ARGUMENT...]}
shift
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish.sh: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac
bash "$(dirname "$0")/release-binary.sh" "$rid" "$out" "$@"
mv "$out/backendlint-$rid" "$out/backendlint"
