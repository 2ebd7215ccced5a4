#!/usr/bin/env bash
# Builds one release binary: Native AOT for RID, one file, named as the release asset
# (OUT/backendlint-RID, with .exe on Windows). The release workflow runs it on a native runner per
# RID, because Native AOT links with the target platform's own toolchain and cannot cross-compile
# across operating systems; .ci/delivery.sh runs it for this machine and checks the binary.
# Usage: .ci/release-binary.sh RID OUT [MSBUILD_ARGUMENT...]  (for example -p:RepositoryUrl=URL)
set -euo pipefail
rid=${1:?usage: .ci/release-binary.sh RID OUT [MSBUILD_ARGUMENT...]}
out=${2:?usage: .ci/release-binary.sh RID OUT [MSBUILD_ARGUMENT...]}
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
case $rid in
  win-*) exe=.exe ;;
  *) exe= ;;
esac
publish=$(mktemp -d)
trap 'rm -rf "$publish"' EXIT
dotnet publish BackendLint/BackendLint.csproj -c Release -r "$rid" -p:PublishAot=true -o "$publish" -nologo -v quiet "$@"
mv "$publish/backendlint$exe" "$out/backendlint-$rid$exe"
echo "built $out/backendlint-$rid$exe ($rid, Native AOT)"
