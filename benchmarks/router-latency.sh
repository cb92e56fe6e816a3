#!/usr/bin/env bash
# Latency the AI router adds: POST /v1/chat/completions through the gateway (API key → token
# exchange, JWT checks, ai-router: routing, Redis budget/quota/usage, Kafka usage record) against a
# zero-latency OpenAI-compatible provider, compared with calling that provider directly. wrk,
# 2 threads, at 10 and 50 connections, a warm-up of each path first; prints req/s, p50 and p99 of
# both, and the latency added by the gateway and router (through-gateway minus direct).
#
# The provider (benchmarks/router/ZeroLatencyProvider.java, answering one fixed chat.completion at
# once) is started here on $PROVIDER_PORT (default 18190). Local mode is started here too, with the
# gateway on $PORT (default 18180, the services on the next five ports), on a fresh temporary data
# dir, with that provider as the only one (OPENAI_BASE_URL/OPENAI_API_KEY, every other provider key
# empty) and gateway rate limits off — unless EXPECT_RUNNING=1, in which case a local mode already
# running on $BASE must have been started with
#   OPENAI_BASE_URL=http://127.0.0.1:18190/v1 OPENAI_API_KEY=bench AGENTIC_GATEWAY_RATELIMITS_ENABLED=false
# and no other provider key. Requests name the model openai/gpt-4o-mini (no fallback).
#
#   benchmarks/router-latency.sh [seconds] [warm-up seconds]     (defaults 30 and 10; build first)
#   AUTH_MODE=token  use the login's access token instead of an API key (Bearer agk_…)
# Other variables reach local mode unchanged, e.g. AGENTIC_AI_RESILIENCE_MAXCONCURRENTCALLS: the
# router lets at most 64 calls per provider run at once by default (more fall back, or answer 502
# "too many concurrent calls" with no other provider, counted in the errors line).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"; warm="${2:-10}"
PROVIDER_PORT="${PROVIDER_PORT:-18190}"
PORT="${PORT:-18180}"
BASE="${BASE:-http://localhost:$PORT}"
source benchmarks/lib.sh
work="$(mktemp -d)"
provider=""
cleanup() {
  stop_local_mode
  # TERM, not INT: background jobs of a script ignore SIGINT
  if [ -n "$provider" ]; then kill -TERM "$provider" 2>/dev/null || true; wait "$provider" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_line() {  # file, pattern, pid, seconds
  for _ in $(seq 1 $(( $4 * 10 ))); do
    grep -q "$2" "$1" && return 0
    kill -0 "$3" 2>/dev/null || { echo "exited early:"; tail -20 "$1"; return 1; }
    sleep 0.1
  done
  echo "no \"$2\" after $4 s"; tail -20 "$1"; return 1
}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
in_use "$PROVIDER_PORT" && { echo "port $PROVIDER_PORT (PROVIDER_PORT) is in use"; exit 1; }
java benchmarks/router/ZeroLatencyProvider.java "$PROVIDER_PORT" > "$work/provider.log" 2>&1 &
provider=$!
wait_for_line "$work/provider.log" "ready on" "$provider" 60

if [ "${EXPECT_RUNNING:-0}" != 1 ]; then
  for p in $(seq "$PORT" $((PORT + 5))); do
    in_use "$p" && { echo "port $p is in use: set PORT to the first of six free ports"; exit 1; }
  done
  echo "starting local mode on $BASE..." >&2
  start_local_mode "$PORT" OPENAI_BASE_URL="http://127.0.0.1:$PROVIDER_PORT/v1" OPENAI_API_KEY=bench \
    GEMINI_API_KEY= GROQ_API_KEY= HUGGINGFACE_API_KEY= OPENROUTER_API_KEY=
fi

TOKEN=$(new_user "$BASE")
if [ "${AUTH_MODE:-key}" = token ]; then
  GATEWAY_AUTH="Bearer $TOKEN"
else
  KEY=$(curl -sf "$BASE/api/auth/api-keys" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"router-latency","scopes":["ai:use"]}' | jq -r .key)
  GATEWAY_AUTH="Bearer $KEY"
fi
# one request each way first: a wrong setup shows here rather than as a column of errors
curl -sf "http://127.0.0.1:$PROVIDER_PORT/v1/chat/completions" -d '{}' >/dev/null
answer=$(curl -s "$BASE/v1/chat/completions" -H "Authorization: $GATEWAY_AUTH" -H 'Content-Type: application/json' \
  -d '{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Say hi"}]}')
echo "$answer" | jq -e '.choices[0].message.content == "Hi!"' >/dev/null \
  || { echo "the gateway did not answer through the provider: $answer"; exit 1; }

direct="http://127.0.0.1:$PROVIDER_PORT"
run() {  # target, auth, connections, seconds -> "RESULT ..." line
  AUTH="$2" wrk -t2 -c"$3" -d"${4}s" -s benchmarks/router/chat-completion.lua "$1" | grep '^RESULT'
}
echo "warm-up ${warm} s per path..." >&2
run "$direct" "" 50 "$warm" >/dev/null
run "$BASE" "$GATEWAY_AUTH" 50 "$warm" >/dev/null

printf '%-5s | %-28s | %-28s | %s\n' conns "direct req/s  p50  p99 (ms)" "gateway req/s  p50  p99 (ms)" "added p50 / p99 (ms)"
for conns in 10 50; do
  read -r _ d_rps d_p50 d_p99 d_bad d_err <<<"$(run "$direct" "" "$conns" "$secs")"
  read -r _ g_rps g_p50 g_p99 g_bad g_err <<<"$(run "$BASE" "$GATEWAY_AUTH" "$conns" "$secs")"
  printf '%-5s | %8s %7s %7s      | %8s %7s %7s       | %s / %s\n' "$conns" \
    "$d_rps" "$d_p50" "$d_p99" "$g_rps" "$g_p50" "$g_p99" \
    "$(echo "$g_p50 - $d_p50" | bc -l | xargs printf '%.3f')" \
    "$(echo "$g_p99 - $d_p99" | bc -l | xargs printf '%.3f')"
  if [ "$d_bad$d_err$g_bad$g_err" != 0000 ]; then
    echo "      errors: direct non-2xx $d_bad, socket $d_err; gateway non-2xx $g_bad, socket $g_err"
  fi
done
echo "(${secs} s per cell, wrk -t2; auth: ${AUTH_MODE:-key}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
