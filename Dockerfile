# syntax=docker/dockerfile:1
# BackendLint as a container: docker run --rm -v "$PWD:/repo" backendlint [check] [--format sarif]
# By default the build stage runs .ci/publish.sh, the same command CI runs and checks without Docker.
# The release builds with BINARY=release instead: it copies the binaries the release publishes
# (built on native runners, checksummed in SHA256SUMS) from image/<arch>/backendlint, so the image
# runs exactly those, and no architecture is built under emulation.
ARG BINARY=source
# RepositoryUrl of Directory.Build.props (a test checks they agree); a release passes the
# repository it is published from. It goes into the binary's reports and the image's labels.
ARG REPOSITORY_URL=https://github.com/backendlint/backendlint

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS source
# Native AOT links with clang against zlib.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
ARG REPOSITORY_URL
WORKDIR /src
COPY . .
RUN bash .ci/publish.sh /out "-p:RepositoryUrl=${REPOSITORY_URL}"

FROM scratch AS release
ARG TARGETARCH
COPY image/${TARGETARCH}/backendlint /out/backendlint

FROM ${BINARY} AS binary

# Only the C runtime is needed: invariant globalization, no ICU, no .NET runtime. Chiseled images
# have no shell or package manager and run as the non-root 'app' user.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
ARG VERSION=0.1.0
ARG REPOSITORY_URL
LABEL org.opencontainers.image.title="BackendLint" \
      org.opencontainers.image.description="Checks that a LocalAI-shaped repository's build matrix, backend gallery and Makefile agree." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="${REPOSITORY_URL}" \
      org.opencontainers.image.documentation="${REPOSITORY_URL}#readme"
COPY --from=binary --chmod=755 /out/backendlint /usr/local/bin/backendlint
USER $APP_UID
WORKDIR /repo
ENTRYPOINT ["backendlint"]
