#!/usr/bin/env bash
# The whole-platform benchmark, one command:
#
#   ops/bench/bench.sh [--rates 10,25,50,100,150] [--duration 15] [--warmup 20]
#
# It starts the platform with ./darkroom up on its own ports (18080..18090) and data directory (.darkroom-bench/),
# against real Postgres and RabbitMQ — the machine's own on 127.0.0.1 (started here like .ci/run does when they are
# down), or those named by PG_URL/PG_USER/PG_PASSWORD and RABBITMQ_HOST/... — in a fresh database and vhost that
# are dropped afterwards; fal-sim with zero model time and its render cache; the services with the default (C2)
# JIT, as in production, not ./darkroom up's laptop flags. Then ops/bench/bench.mjs drives open-loop load at each
# rate and prints the table; ops/bench/BareLoop.java measures one bare hop (confirmed publish -> consume -> insert
# -> ack) on the same machine for comparison. Loopback only; about 2 minutes plus 45 s per rate.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RATES=10,25,50,100,150 DURATION=15 WARMUP=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) RATES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
log() { echo "[bench] $*" >&2; }
command -v node >/dev/null || { log "node 18+ is needed"; exit 2; }

# --- real Postgres and RabbitMQ ----------------------------------------------------------------------------
PG_BASE=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
PG_USER=${PG_USER:-postgres} PG_PASSWORD=${PG_PASSWORD:-}
if [ -z "${PG_URL:-}" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  log "starting the machine's PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main start
fi
if [ -z "${RABBITMQ_HOST:-}" ] && ! rabbitmq-diagnostics -q -n rabbit@localhost check_port_connectivity >/dev/null 2>&1; then
  log "starting the machine's RabbitMQ"
  (cd /tmp && rabbitmq-server -detached)
  for _ in $(seq 90); do rabbitmq-diagnostics -q -n rabbit@localhost check_port_connectivity >/dev/null 2>&1 && break; sleep 1; done
fi
RUN=bench_$(date +%s)
PG_HOSTPORT=$(echo "$PG_BASE" | sed -E 's|jdbc:postgresql://([^/]+)/.*|\1|')
psql_admin() { PGPASSWORD=$PG_PASSWORD psql -h "${PG_HOSTPORT%:*}" -p "${PG_HOSTPORT##*:}" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_admin -c "create database darkroom_$RUN"
export PG_URL="jdbc:postgresql://$PG_HOSTPORT/darkroom_$RUN" PG_USER PG_PASSWORD
export RABBITMQ_HOST=${RABBITMQ_HOST:-127.0.0.1} RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
export RABBITMQ_USER=${RABBITMQ_USER:-guest} RABBITMQ_PASSWORD=${RABBITMQ_PASSWORD:-guest}
rabbitmqctl -q add_vhost "$RUN" && rabbitmqctl -q set_permissions -p "$RUN" "$RABBITMQ_USER" '.*' '.*' '.*'
export RABBITMQ_VHOST=$RUN

# --- the platform ------------------------------------------------------------------------------------------
export DARKROOM_DATA_DIR=$ROOT/.darkroom-bench
export GATEWAY_PORT=18080 ORCHESTRATOR_PORT=18081 WORKER_IMAGE_PORT=18082 WORKER_VIDEO_PORT=18083
export WEBHOOK_RECEIVER_PORT=18084 FAL_SIM_PORT=18090
export DARKROOM_JVM_FLAGS="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -Xss512k"
export FAL_SIM_RENDER_CACHE=true
# settings without an environment variable of their own, for every process (each ignores the others')
export SPRING_APPLICATION_JSON='{"fal-sim":{"queue":{"image-model-time":"0s","concurrency":512}},
  "darkroom":{"dispatch":{"global-in-flight-cap":512},"webhooks":{"allowed-hosts":["127.0.0.1"]}}}'
rm -rf "$DARKROOM_DATA_DIR"; mkdir -p "$DARKROOM_DATA_DIR"
cleanup() {
  if [ -n "${UP:-}" ] && kill -0 "$UP" 2>/dev/null; then kill -TERM "$UP"; wait "$UP" 2>/dev/null || true; fi
  rabbitmqctl -q delete_vhost "$RUN" >/dev/null 2>&1 || true
  psql_admin -c "drop database if exists darkroom_$RUN with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
log "starting the platform (log: .darkroom-bench/up.log)"
./darkroom up >"$DARKROOM_DATA_DIR/up.log" 2>&1 &
UP=$!
for _ in $(seq 600); do
  grep -q 'Darkroom is up' "$DARKROOM_DATA_DIR/up.log" && break
  kill -0 "$UP" 2>/dev/null || { tail -n 30 "$DARKROOM_DATA_DIR/up.log" >&2; exit 1; }
  sleep 1
done
grep -q 'Darkroom is up' "$DARKROOM_DATA_DIR/up.log" || { log "the platform did not come up"; exit 1; }

PIDS=$DARKROOM_DATA_DIR/bench-pids
: >"$PIDS"
for f in "$DARKROOM_DATA_DIR"/pids/*.pid; do
  name=$(basename "$f" .pid); [ "$name" = devstack ] && name=s3proxy   # only S3 is embedded here
  echo "$name $(cat "$f")" >>"$PIDS"
done

node ops/bench/bench.mjs --gateway "http://127.0.0.1:$GATEWAY_PORT" --admin-token "$(cat "$DARKROOM_DATA_DIR/admin-token")" \
  --fal-sim "http://127.0.0.1:$FAL_SIM_PORT" --pids "$PIDS" --rates "$RATES" --duration "$DURATION" --warmup "$WARMUP" \
  --json "$DARKROOM_DATA_DIR/bench.json"

# --- one bare hop, for comparison ---------------------------------------------------------------------------
CP_FILE=$DARKROOM_DATA_DIR/bare-loop.classpath
./mvnw -q -B -ntp -pl orchestrator dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE" >/dev/null
CP=$(tr ':' '\n' <"$CP_FILE" | grep -E '/(amqp-client|postgresql|slf4j-api|netty-[a-z-]+)-[0-9]' | tr '\n' ':')
BARE=$(java -cp "$CP" ops/bench/BareLoop.java 5000 "$PG_URL" "$PG_USER" "$PG_PASSWORD" \
  "$RABBITMQ_HOST" "$RABBITMQ_PORT" "$RABBITMQ_USER" "$RABBITMQ_PASSWORD" "$RUN" 2>/dev/null | grep '^bare_loop')
echo "$BARE"
# the platform's throughput at its highest holding rate, or the best it reached when no rate held
BEST=$(node -e '
  const all = require(process.argv[1]).results, held = all.filter((x) => x.holds);
  console.log(Math.max(0, ...(held.length ? held : all).map((x) => x.throughput)), held.length ? "held" : "best");' \
  "$DARKROOM_DATA_DIR/bench.json")
PER_SECOND=${BARE##*per_second=}
node -e 'const [b, p, how] = process.argv.slice(1);
  const label = how === "held" ? "at its highest holding rate" : "at best (no rate held)";
  console.log(`ratio: bare hop ${b}/s vs platform ${Number(p).toFixed(1)} jobs/s ${label} = ${Number(p) ? (b / p).toFixed(1) : "-"} bare hops per job`);' \
  "$PER_SECOND" $BEST
