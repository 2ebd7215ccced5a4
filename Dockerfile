# syntax=docker/dockerfile:1
# BackendLint as a container: docker run --rm -v "$PWD:/repo" backendlint [check] [--format sarif]
# The build stage runs .ci/publish.sh, the same command CI runs and checks without Docker.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT links with clang against zlib.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash .ci/publish.sh /out

# Only the C runtime is needed: invariant globalization, no ICU, no .NET runtime. Chiseled images
# have no shell or package manager and run as the non-root 'app' user.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="BackendLint" \
      org.opencontainers.image.description="Checks that a LocalAI-shaped repository's build matrix, backend gallery and Makefile agree." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/backendlint/backendlint" \
      org.opencontainers.image.documentation="https://github.com/backendlint/backendlint#readme"
COPY --from=build /out/backendlint /usr/local/bin/backendlint
USER $APP_UID
WORKDIR /repo
ENTRYPOINT ["backendlint"]
