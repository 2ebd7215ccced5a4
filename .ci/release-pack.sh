#!/usr/bin/env bash
# Packs the .NET tool as the release publishes it: the one package of the repository, into OUT.
# The release workflow pushes what this writes; .ci/delivery.sh installs it and runs it.
# Usage: .ci/release-pack.sh OUT [MSBUILD_ARGUMENT...]  (for example -p:RepositoryUrl=URL)
set -euo pipefail
out=${1:?usage: .ci/release-pack.sh OUT [MSBUILD_ARGUMENT...]}
shift
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
# PortableTool: the framework-dependent package that runs everywhere; a plain pack compiles for this machine (pre-commit's hook).
dotnet pack BackendLint.sln -c Release -o "$out" -nologo -v quiet -p:PortableTool=true "$@"
