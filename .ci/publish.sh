#!/usr/bin/env bash
# Publishes the release binary: Native AOT for this machine's architecture, one file.
# The Dockerfile runs exactly this, and .ci/run runs it too (there is no Docker engine in CI here)
# and checks that the binary prints what the framework-dependent build prints on every fixture.
# Usage: .ci/publish.sh OUTPUT_DIRECTORY
set -euo pipefail
out=${1:?usage: .ci/publish.sh OUTPUT_DIRECTORY}
cd "$(dirname "$0")/.."
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish.sh: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac
dotnet publish BackendLint/BackendLint.csproj -c Release -r "$rid" -p:PublishAot=true -o "$out/publish" -nologo -v quiet
mkdir -p "$out"
mv "$out/publish/backendlint" "$out/backendlint"
rm -rf "$out/publish"
echo "published $out/backendlint ($rid, Native AOT)"
