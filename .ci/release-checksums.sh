#!/usr/bin/env bash
# Writes DIR/SHA256SUMS for the release binaries in DIR, in sha256sum's format, which
# 'sha256sum -c' checks and the action reads before it runs a downloaded binary.
# Usage: .ci/release-checksums.sh DIR
set -euo pipefail
cd "${1:?usage: .ci/release-checksums.sh DIR}"
sha256sum backendlint-* > SHA256SUMS
cat SHA256SUMS
