# syntax=docker/dockerfile:1
#
# One image per Darkroom service, chosen by a build argument:
#   docker build --build-arg SERVICE=gateway -t darkroom/gateway .
# SERVICE is one of gateway (8080), orchestrator (8081), worker-image (8082), worker-video (8083),
# webhook-receiver (8084), fal-sim (8090). docker-compose.yml builds all of them.

ARG SERVICE

# ---- build: the service and the reactor modules it depends on -------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "set --build-arg SERVICE=<module>" >&2; exit 1; }
WORKDIR /src
COPY . .
# The Maven repository is a BuildKit cache: shared by the six service builds (one at a time: Maven's local repository
# is not safe for concurrent writers) and kept between builds, so only the first build downloads dependencies.
# Tests run in CI (.ci/run), not in image builds.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp -pl "$SERVICE" -am package -Dmaven.test.skip=true
# Spring Boot's layers (dependencies, loader, snapshot dependencies, application) become image layers below, so a
# code change rebuilds a few hundred KB instead of the whole fat jar.
RUN set -eu; \
    jar=$(ls "$SERVICE"/target/"$SERVICE"-*-exec.jar); \
    java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /layers

# ---- runtime --------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG SERVICE
# curl for the health check (the base image may or may not carry it)
RUN set -eu; \
    if ! command -v curl >/dev/null; then \
      apt-get update; \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 darkroom; \
    useradd --system --uid 10001 --gid darkroom --home-dir /app --no-create-home --shell /usr/sbin/nologin darkroom
# Port and readiness path per service, read by the health check. fal-sim has no readiness group (it runs with an
# explicit, minimal set of auto-configurations), so its plain health endpoint is probed.
RUN set -eu; \
    case "$SERVICE" in \
      gateway) port=9080 ;; \
      orchestrator) port=9081 ;; \
      worker-image) port=9082 ;; \
      worker-video) port=9083 ;; \
      webhook-receiver) port=9084 ;; \
      fal-sim) port=8090 ;; \
      *) echo "unknown SERVICE '$SERVICE'" >&2; exit 1 ;; \
    esac; \
    probe=/actuator/health/readiness; \
    if [ "$SERVICE" = fal-sim ]; then probe=/actuator/health; fi; \
    mkdir -p /app; \
    printf 'HEALTH_URL=http://127.0.0.1:%s%s\n' "$port" "$probe" > /app/health.env
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER darkroom:darkroom
LABEL org.opencontainers.image.title="darkroom-${SERVICE}" \
      org.opencontainers.image.description="Darkroom ${SERVICE}"
# Container-aware JVM: heap sized from the container's memory limit (leaving room for metaspace, code cache, thread
# stacks and direct buffers), and a JVM that runs out of memory exits, so that Docker restarts the container instead
# of leaving a half-working service behind.
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=60.0 -XX:InitialRAMPercentage=20.0 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.io.tmpdir=/tmp"
# Slow first start on small machines (2 cores, six JVMs): readiness is only judged after the start period.
HEALTHCHECK --interval=10s --timeout=4s --start-period=120s --retries=3 \
    CMD . /app/health.env && curl -fsS -o /dev/null --max-time 3 "$HEALTH_URL" || exit 1
# exec form: the JVM is PID 1 and receives SIGTERM itself, so Spring's graceful shutdown runs
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
