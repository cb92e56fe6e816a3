#!/usr/bin/env bash
# Engine throughput and per-step orchestration overhead with 1, 3 and 12 partitions per execution
# topic. Workflow (five nodes, one HTTP step): INPUT → TRANSFORM → HTTP_REQUEST (POST to the
# gateway's own /api/public/echo, a local ~zero-latency target put on AGENTIC_HTTP_ALLOW_HOSTS) →
# CONDITION → OUTPUT.
#
# For each partition count: a fresh local mode (the built jar with ./agentic start's JVM options, a
# fresh data dir, embedded Kafka/MongoDB/Redis, AGENTIC_KAFKA_PARTITIONS=N, gateway rate limits off
# so that one load generator is not capped), one registered user, then
#   1. idle: $SAMPLE_IDLE executions one at a time (?wait=true): overhead without queueing;
#   2. load: wrk (2 threads, [connections]) with execute-wait.lua, $WARMUP s warm-up then [seconds]
#      measured: executions/s and request latency; overhead over up to $SAMPLE_LOAD executions
#      started in the measured window.
# Overhead comes from each execution's history (nodeResults of GET /api/executions):
#   start     INPUT's startedAt − the execution's startTime (when it was accepted): the start
#             command's trip through the outbox, Kafka and the orchestrator;
#   handoff   a node's startedAt − its predecessor's finishedAt, four per execution: pure nodes
#             (INPUT, TRANSFORM, CONDITION, OUTPUT) are evaluated in the decision that made them
#             ready, so this is ~0 by design and shows whether that still holds;
#   http      the HTTP step's durationMs: dispatch over Kafka, a worker's call to the ~1 ms local
#             target, the result back over Kafka and applied — the I/O step's orchestration;
#   per step  (endTime − startTime) / 5: the whole orchestration averaged over the five steps.
# Each is reported as p50/p99 (nearest rank) over the sample.
#
#   benchmarks/engine-partitions.sh [seconds] [connections] [partition counts]
#   e.g. benchmarks/engine-partitions.sh 30 10 "1 3 12"      (build first: ./agentic build)
# env: WARMUP (s, default 10), SAMPLE_IDLE (default 100), SAMPLE_LOAD (default 500),
#      PORT (gateway, default 18080; the services take the next five ports), AGENTIC_JAVA_OPTS.
# Needs wrk (apt-get install wrk), jq and curl. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"; conns="${2:-10}"; counts="${3:-1 3 12}"
WARMUP="${WARMUP:-10}"; SAMPLE_IDLE="${SAMPLE_IDLE:-100}"; SAMPLE_LOAD="${SAMPLE_LOAD:-500}"
port="${PORT:-18080}"
BASE="http://127.0.0.1:$port"
source benchmarks/lib.sh
trap stop_local_mode EXIT

setup_user_and_workflow() {
  TOKEN=$(new_user "$BASE")
  WORKFLOW=$(curl -sf "$BASE/api/workflows" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
    "name": "bench: input-transform-http-condition-output",
    "nodes": [
      {"id": "in", "type": "INPUT", "data": {"fields": {"topic": "string", "score": "integer"}}},
      {"id": "shape", "type": "TRANSFORM", "data": {"expression": "{\"title\": topic.upperAscii(), \"score\": score * 10}"}},
      {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "POST", "url": "'"$BASE"'/api/public/echo",
        "headers": {"Content-Type": "application/json"}, "body": {"title": "{{ nodes.shape.output.title }}"}}},
      {"id": "check", "type": "CONDITION", "data": {"expression": "nodes.call.output.status == 200 && nodes.shape.output.score >= 0"}},
      {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.call.output.body.body"}}
    ],
    "edges": [
      {"source": "in", "target": "shape"}, {"source": "shape", "target": "call"},
      {"source": "call", "target": "check"}, {"source": "check", "target": "out", "sourceHandle": "true"}
    ]}' | jq -r .id)
  export TOKEN WORKFLOW
}

# Overhead figures from a file of executions (one JSON object per line): prints one line.
overhead() { # $1 = file
  jq -rs '
    def ms: capture("^(?<s>[^.Z]+)(\\.(?<f>[0-9]+))?Z$")
      | ((.s + "Z") | fromdateiso8601) * 1000 + (("0." + (.f // "0")) | tonumber) * 1000;
    def pct($p): sort | .[((($p / 100) * length) | ceil) - 1];
    def fmt: . * 10 | round / 10 | tostring;
    [.[] | select(.status == "completed")] as $done
    | ["in", "shape", "call", "check", "out"] as $chain
    | [$done[] | (.nodeResults.in.startedAt | ms) - (.startTime | ms)] as $start
    | [$done[] | .nodeResults as $n | $chain | range(1; length) as $i
        | ($n[.[$i]].startedAt | ms) - ($n[.[$i - 1]].finishedAt | ms)] as $handoff
    | [$done[] | .nodeResults.call.durationMs] as $http
    | [$done[] | ((.endTime | ms) - (.startTime | ms)) / 5] as $step
    | def both($xs): "p50 \($xs | pct(50) | fmt) ms, p99 \($xs | pct(99) | fmt) ms";
    if ($done | length) == 0 then "no completed execution in the sample (\(length) read)"
    else "sample \($done | length) completed of \(length) | start \(both($start)) | handoff \(both($handoff)) | http \(both($http)) | per step \(both($step))"
      end' "$1"
}

# Executions of $WORKFLOW started at or after $1, newest first, at most $2.
executions_since() {
  local from="$1" max="$2" page=0 got=0 items
  while [ "$got" -lt "$max" ]; do
    items=$(curl -sf "$BASE/api/executions?workflowId=$WORKFLOW&from=$from&size=100&page=$page" \
      -H "Authorization: Bearer $TOKEN" | jq -c '.items[]')
    [ -n "$items" ] || break
    printf '%s\n' "$items" | sed -n "1,$((max - got))p"
    got=$((got + $(printf '%s\n' "$items" | wc -l))); page=$((page + 1))
  done
}

summary=()
for partitions in $counts; do
  echo "== $partitions partition(s): starting local mode..." >&2
  start_local_mode "$port" AGENTIC_KAFKA_PARTITIONS="$partitions" AGENTIC_HTTP_ALLOW_HOSTS="127.0.0.1:$port"
  setup_user_and_workflow
  idle="$LOCAL_DATA/idle.jsonl"; : > "$idle"
  echo "idle: $SAMPLE_IDLE executions one at a time" >&2
  for n in $(seq 1 "$SAMPLE_IDLE"); do
    curl -sf "$BASE/api/executions?wait=true&timeoutMs=30000" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' \
      -d "{\"workflowId\":\"$WORKFLOW\",\"inputs\":{\"topic\":\"idle $n\",\"score\":$n}}" >> "$idle" \
      || echo "idle execution $n got no answer" >&2
    echo >> "$idle"
  done
  idle_line="$(overhead "$idle")"
  echo "warm-up ${WARMUP} s..." >&2
  (cd benchmarks && wrk -t2 -c"$conns" -d"${WARMUP}s" -s execute-wait.lua "$BASE" >/dev/null)
  from="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  echo "measuring ${secs} s at ${conns} connections" >&2
  wrk_out="$(cd benchmarks && wrk -t2 -c"$conns" -d"${secs}s" --latency -s execute-wait.lua "$BASE")"
  echo "$wrk_out"
  loaded="$LOCAL_DATA/load.jsonl"
  executions_since "$from" "$SAMPLE_LOAD" > "$loaded"
  load_line="$(overhead "$loaded")"
  rate="$(sed -n 's/^Requests\/sec: *//p' <<< "$wrk_out")"
  latency="$(grep -E '^p50 ' <<< "$wrk_out" || true)"
  echo "idle:  $idle_line"
  echo "load:  $load_line"
  summary+=("$partitions partition(s): ${rate} executions/s ($latency)" "  idle: $idle_line" "  load: $load_line")
  stop_local_mode
done
echo
echo "== summary (${secs} s at ${conns} connections, warm-up ${WARMUP} s)"
printf '%s\n' "${summary[@]}"
