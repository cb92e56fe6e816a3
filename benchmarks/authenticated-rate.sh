#!/usr/bin/env bash
# Authenticated requests per second through the gateway: GET /api/auth/me (the gateway verifies
# the ES256 token, checks the deny-list and rate-limit buckets in Redis, relays; auth-service
# verifies the token again and reads the user) and GET /api/workflows/{id} (the same, then
# workflow-service answers from its Redis cache). wrk, 2 threads, 10 connections, 5 s warm-up,
# 20 s measured, against a running local mode on $BASE.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh
cd benchmarks
BASE="${BASE:-http://localhost:8080}"
TOKEN=$(new_user "$BASE")
WF=$(curl -sf "$BASE/api/workflows" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"rate","nodes":[{"id":"in","type":"INPUT","data":{}}],"edges":[]}' | jq -r .id)
export TOKEN
for path in /api/auth/me "/api/workflows/$WF"; do
  export PATH_TO_GET="$path"
  wrk -t2 -c10 -d5s -s authenticated-get.lua "$BASE" >/dev/null
  echo "== GET $path"
  wrk -t2 -c10 -d20s -s authenticated-get.lua "$BASE" | grep -E "Requests/sec|p50"
done
