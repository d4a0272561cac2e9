# syntax=docker/dockerfile:1
#
# The action's image: the native `bluegreen` binary on a small glibc base.
#
#   docker build -t beanstalk-blue-green:dev .
#   docker run --rm beanstalk-blue-green:dev demo
#
# action.yml does not build this file (a Dockerfile action is rebuilt on every job, and
# native-image takes minutes): release.yml builds it once per architecture, on a native amd64 and
# a native arm64 runner (native-image does not cross-compile, and under QEMU it would take an
# hour), and pushes one multi-arch image to GHCR that action.yml names.
#
# Base images are tags, not digests, so that they get security fixes; pin them by digest (and let
# Renovate/Dependabot bump them) if you need reproducible images.
ARG GRAALVM_IMAGE=ghcr.io/graalvm/native-image-community:17
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG DEBIAN_IMAGE=debian:12-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12

# Maven only as a source of its distribution: the GraalVM image has no Maven, and microdnf's
# package is older than the 3.9 the build is tested with.
FROM ${MAVEN_IMAGE} AS maven

# The official GraalVM Community native-image for JDK 17 (Oracle Linux 9). It already has what
# native-image needs to link (gcc, glibc-devel, zlib-devel) and sets JAVA_HOME for Maven.
FROM ${GRAALVM_IMAGE} AS build
COPY --from=maven /usr/share/maven /usr/share/maven
RUN ln -s /usr/share/maven/bin/mvn /usr/bin/mvn
WORKDIR /build
# pom.xml, .mvn/ and src/ only (.dockerignore): a change in the workflows or docs does not rebuild.
# .mvn/jvm.config opens the compiler's internals to Error Prone, which runs in every compilation.
COPY pom.xml ./
COPY .mvn ./.mvn
COPY src ./src
# The `native` profile makes target/bluegreen; its options (--install-exit-handlers, so that the
# binary as PID 1 reacts to the runner's SIGINT/SIGTERM) live in the jar's
# META-INF/native-image/.../native-image.properties. The cache mount keeps ~/.m2 between local
# builds; in CI every build starts empty, which is fine once per release.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -Pnative -DskipTests package \
 && cp target/bluegreen /bluegreen \
 && /bluegreen --version

# distroless/base has glibc but no zlib, and a GraalVM native image links libz.so.1 dynamically.
# Take it from the Debian release the runtime image is built from, for the architecture being built
# (uname -m is x86_64 or aarch64, the same names as Debian's multiarch directories).
FROM ${DEBIAN_IMAGE} AS zlib
RUN mkdir -p "/out/usr/lib/$(uname -m)-linux-gnu" \
 && cp -L "/lib/$(uname -m)-linux-gnu/libz.so.1" "/out/usr/lib/$(uname -m)-linux-gnu/libz.so.1"

# Runtime: glibc 2.36 (Debian 12) >= the 2.34 the binary was linked against on Oracle Linux 9; CA
# certificates and /tmp included; no shell. It runs as root on purpose (no USER, not the :nonroot
# tag): the runner mounts the workspace and GITHUB_OUTPUT's directory owned by the runner user and
# GitHub requires docker actions to run as the default user, root. No WORKDIR either: the runner
# passes --workdir /github/workspace, and the binary resolves source-bundle against GITHUB_WORKSPACE.
FROM ${RUNTIME_IMAGE}
COPY --from=zlib /out/ /
COPY --from=build /bluegreen /bluegreen
# The binary reads its environment and writes its output as UTF-8 itself (from /proc/self, whatever
# the locale); LANG says so to anything else in the image too.
ENV LANG=C.UTF-8
LABEL org.opencontainers.image.title="beanstalk-blue-green" \
      org.opencontainers.image.description="Zero-downtime blue-green deployments to AWS Elastic Beanstalk"
# Absolute path, exec form: the runner appends no arguments (inputs arrive as INPUT_* variables);
# without arguments the binary runs the `command` input, or prints its help outside Actions.
ENTRYPOINT ["/bluegreen"]
