#!/usr/bin/env bash
# Prints the version a release tag names, and fails unless it is the <Version> of
# Directory.Build.props: the package, the binaries and the image all say that version, so a tag
# that names another one would publish binaries whose --version contradicts their release.
# Usage: .ci/release-version.sh TAG  (v0.1.0)
set -euo pipefail
tag=${1:?usage: .ci/release-version.sh TAG}
cd "$(dirname "$0")/.."
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' Directory.Build.props)
if [ "$tag" != "v$version" ]; then
  echo "release-version.sh: the tag '$tag' does not name the version in Directory.Build.props ($version): tag v$version, or change <Version> first" >&2
  exit 1
fi
echo "$version"
