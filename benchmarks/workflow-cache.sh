#!/usr/bin/env bash
# Cached vs uncached GET /api/workflows/{id} through the gateway, and the read cache's hit ratio
# under repeated reads of one workflow.
# Method: local mode is started twice from the built jar (./agentic build), each time on a fresh
# data dir with embedded Kafka, MongoDB and Redis, on ports 18080-18085 and with
# AGENTIC_GATEWAY_RATELIMITS_ENABLED=false (the per-IP limit would cap a single load generator):
# first with workflow-service's read cache on (the default), then with
# AGENTIC_WORKFLOW_CACHE_ENABLED=false (every read goes to MongoDB, Redis untouched). Each run
# registers a user, creates one workflow, runs wrk (2 threads, N connections) for a warm-up and
# then for the measured period on GET /api/workflows/{id} (benchmarks/authenticated-get.lua), and
# reads workflow-service's agentic_cache_requests_total{cache="workflow"} from its
# /actuator/prometheus before and after the measured period: hit ratio = hits / (hits + misses).
#
#   benchmarks/workflow-cache.sh [seconds] [warm-up seconds] [connections]    (defaults 20 5 10)
#
# JAR=path overrides the local-runtime jar; AGENTIC_JAVA_OPTS the JVM options (default: those of
# ./agentic start).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"; warmup="${2:-5}"; conns="${3:-10}"
source <(sed -n '/^java_major()/,/^export PATH/p' agentic)
jar="${JAR:-$(ls local-runtime/target/local-runtime-*-exec.jar 2>/dev/null | head -1)}"
[ -f "$jar" ] || { echo "no local-runtime jar: run ./agentic build first" >&2; exit 1; }
opts="${AGENTIC_JAVA_OPTS:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=25 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
BASE="http://localhost:18080"
METRICS="http://localhost:18082/actuator/prometheus"
pid=""; data=""

# TERM, not INT: a background job of a non-interactive shell ignores SIGINT, and so does its JVM.
stop_local_mode() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ -n "$data" ] && rm -rf "$data"
  pid=""; data=""
}
trap stop_local_mode EXIT

# start_local_mode <AGENTIC_WORKFLOW_CACHE_ENABLED value>
start_local_mode() {
  data="$(mktemp -d)"
  AGENTIC_DATA_DIR="$data" PORT=18080 AUTH_SERVICE_PORT=18081 WORKFLOW_SERVICE_PORT=18082 \
    EXECUTION_SERVICE_PORT=18083 AI_ROUTER_SERVICE_PORT=18084 ANALYTICS_SERVICE_PORT=18085 \
    REDIS_URL= KAFKA_BOOTSTRAP_SERVERS= MONGODB_URI= \
    AGENTIC_GATEWAY_RATELIMITS_ENABLED=false AGENTIC_WORKFLOW_CACHE_ENABLED="$1" \
    java $opts -jar "$jar" >"$data/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    grep -q "Agentic is ready" "$data/out.log" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "local mode exited early:" >&2; tail -20 "$data/out.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "local mode not ready after 180 s" >&2; exit 1
}

# cache_count hit|miss: workflow-service's counter, 0 when absent
cache_count() {
  curl -sf "$METRICS" | awk -v r="result=\"$1\"" \
    '/^agentic_cache_requests_total\{/ && /cache="workflow"/ && index($0, r) { v = $NF } END { print v + 0 }'
}

# measure <label>: one user, one workflow, warm-up, measured run, counters around the measured run
measure() {
  local user token workflow hits misses out rate lat ratio
  user="wfc$RANDOM$RANDOM"
  curl -sf "$BASE/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"benchmark-password-1\"}" >/dev/null
  token=$(curl -sf "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$user\",\"password\":\"benchmark-password-1\"}" | jq -r .accessToken)
  workflow=$(curl -sf "$BASE/api/workflows" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"cache benchmark","nodes":[{"id":"in","type":"INPUT","data":{}},{"id":"out","type":"OUTPUT","data":{"value":"inputs"}}],"edges":[{"source":"in","target":"out"}]}' \
    | jq -r .id)
  export TOKEN="$token" PATH_TO_GET="/api/workflows/$workflow"
  wrk -t2 -c"$conns" -d"${warmup}s" -s benchmarks/authenticated-get.lua "$BASE" >/dev/null
  hits=$(cache_count hit); misses=$(cache_count miss)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" -s benchmarks/authenticated-get.lua "$BASE")
  hits=$(( $(cache_count hit) - ${hits%.*} )); misses=$(( $(cache_count miss) - ${misses%.*} ))
  rate=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  lat=$(grep -E '^p50' <<<"$out")
  if [ $((hits + misses)) -gt 0 ]; then
    ratio=$(awk -v h="$hits" -v m="$misses" 'BEGIN { printf "%.4f", h / (h + m) }')
  else
    ratio="n/a (no cache reads)"
  fi
  echo "$1: $rate req/s, $lat; cache hits $hits, misses $misses, hit ratio $ratio"
}

echo "GET /api/workflows/{id}: ${warmup} s warm-up, ${secs} s measured, ${conns} connections" >&2
for enabled in true false; do
  echo "starting local mode (AGENTIC_WORKFLOW_CACHE_ENABLED=$enabled)..." >&2
  start_local_mode "$enabled"
  if [ "$enabled" = true ]; then measure "cache on "; else measure "cache off"; fi
  stop_local_mode
done
