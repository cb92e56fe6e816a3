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
source benchmarks/lib.sh
BASE="http://localhost:18080"
METRICS="http://localhost:18082/actuator/prometheus"
trap stop_local_mode EXIT

# cache_count hit|miss: workflow-service's counter, 0 when absent
cache_count() {
  curl -sf "$METRICS" | awk -v r="result=\"$1\"" \
    '/^agentic_cache_requests_total\{/ && /cache="workflow"/ && index($0, r) { v = $NF } END { print v + 0 }'
}

# measure <label>: one user, one workflow, warm-up, measured run, counters around the measured run
measure() {
  local token workflow hits misses out rate lat ratio
  token=$(new_user "$BASE")
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
  start_local_mode 18080 AGENTIC_WORKFLOW_CACHE_ENABLED="$enabled"
  if [ "$enabled" = true ]; then measure "cache on "; else measure "cache off"; fi
  stop_local_mode
done
