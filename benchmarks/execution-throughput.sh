#!/usr/bin/env bash
# Executions per second through the gateway for INPUT→TRANSFORM→CONDITION→OUTPUT with ?wait=true,
# history saved, at 10 concurrent clients (wrk, 2 threads, 10 connections, 30 s after a 10 s
# warm-up). Runs against a local mode already started (./agentic start) on $BASE (default
# http://localhost:8080); registers its own user.
#
#   benchmarks/execution-throughput.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh
cd benchmarks
BASE="${BASE:-http://localhost:8080}"
secs="${1:-30}"; conns="${2:-10}"
TOKEN=$(new_user "$BASE")
WORKFLOW=$(curl -sf "$BASE/api/workflows" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
  "name": "bench: input-transform-condition-output",
  "nodes": [
    {"id": "in", "type": "INPUT", "data": {"fields": {"topic": "string", "score": "integer"}}},
    {"id": "shape", "type": "TRANSFORM", "data": {"expression": "{\"title\": topic.upperAscii(), \"score\": score * 10}"}},
    {"id": "check", "type": "CONDITION", "data": {"expression": "nodes.shape.output.score >= 50"}},
    {"id": "high", "type": "OUTPUT", "data": {"value": "nodes.shape.output"}},
    {"id": "low", "type": "OUTPUT", "data": {"value": "\"low\""}}
  ],
  "edges": [
    {"source": "in", "target": "shape"}, {"source": "shape", "target": "check"},
    {"source": "check", "target": "high", "sourceHandle": "true"},
    {"source": "check", "target": "low", "sourceHandle": "false"}
  ]}' | jq -r .id)
export TOKEN WORKFLOW
echo "warm-up 10 s..." >&2
wrk -t2 -c"$conns" -d10s -s execute-wait.lua "$BASE" >/dev/null
echo "measuring ${secs} s at ${conns} connections" >&2
wrk -t2 -c"$conns" -d"${secs}s" --latency -s execute-wait.lua "$BASE"
