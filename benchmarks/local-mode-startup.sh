#!/usr/bin/env bash
# Local mode's time from command to ready, and its resident memory once ready.
# Method: N cold starts (default 3) of the built local-runtime jar, each on a fresh data directory
# (so Kafka formats its log dir and MongoDB starts empty, as for a new user) and with embedded
# Redis; the clock runs from launching `java -jar` to the "Agentic is ready" line; RSS is read from
# /proc once ready (whole JVM: six services, Kafka, MongoDB-wire server; embedded Redis is a child
# process and is added). Prints each run and the median.
#
#   benchmarks/local-mode-startup.sh [runs]     (build first: ./agentic build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source <(sed -n '/^java_major()/,/^export PATH/p' agentic)
jar="$(ls local-runtime/target/local-runtime-*-exec.jar | head -1)"
opts="${AGENTIC_JAVA_OPTS:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=25 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
times=(); rsss=()
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"; log="$data/out.log"
  start=$(date +%s%N)
  AGENTIC_DATA_DIR="$data" PORT="${PORT:-18080}" AUTH_SERVICE_PORT=18081 WORKFLOW_SERVICE_PORT=18082 \
    EXECUTION_SERVICE_PORT=18083 AI_ROUTER_SERVICE_PORT=18084 ANALYTICS_SERVICE_PORT=18085 \
    REDIS_URL= KAFKA_BOOTSTRAP_SERVERS= MONGODB_URI= \
    java $opts -jar "$jar" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    grep -q "Agentic is ready" "$log" && break
    kill -0 "$pid" 2>/dev/null || { echo "local mode exited early:"; tail -20 "$log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  grep -q "Agentic is ready" "$log" || { echo "not ready after 120 s"; kill "$pid"; exit 1; }
  rss_kb=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  for child in $(pgrep -P "$pid" || true); do
    rss_kb=$(( rss_kb + $(awk '/VmRSS/{print $2}' /proc/$child/status 2>/dev/null || echo 0) ))
  done
  ms=$(( (end - start) / 1000000 ))
  echo "run $i: ready in ${ms} ms, RSS $(( rss_kb / 1024 )) MB  ($(grep -o 'Agentic is ready.*' "$log"))"
  times+=("$ms"); rsss+=("$(( rss_kb / 1024 ))")
  # SIGTERM: a background java started by a non-interactive script ignores SIGINT
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs: ready in $(median "${times[@]}") ms, RSS $(median "${rsss[@]}") MB"
