# What the benchmark scripts share: JDK 25, starting and stopping a local mode of their own, and a
# fresh user. Source it from the repository's root:  source benchmarks/lib.sh
#
# Local mode runs from the built jar (./agentic build) with ./agentic start's JVM options unless
# AGENTIC_JAVA_OPTS says otherwise, on a fresh data dir, with embedded Kafka, MongoDB and Redis and
# the gateway's rate limits off (a single load generator would otherwise hit the per-IP limit).

source <(sed -n '/^java_major()/,/^export PATH/p' agentic)

for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 1; }
done

BENCH_JAR="${JAR:-$(ls local-runtime/target/local-runtime-*-exec.jar 2>/dev/null | head -1)}"
BENCH_JAVA_OPTS="${AGENTIC_JAVA_OPTS:--Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=25 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
LOCAL_PID=""
LOCAL_DATA=""

# start_local_mode <gateway port> [VAR=value ...]: the services take the next five ports; returns
# once local mode says it is ready.
start_local_mode() {
  local port="$1"; shift
  [ -f "$BENCH_JAR" ] || { echo "no local-runtime jar: run ./agentic build first" >&2; exit 1; }
  LOCAL_DATA="$(mktemp -d)"
  env AGENTIC_DATA_DIR="$LOCAL_DATA" PORT="$port" AUTH_SERVICE_PORT=$((port + 1)) \
    WORKFLOW_SERVICE_PORT=$((port + 2)) EXECUTION_SERVICE_PORT=$((port + 3)) \
    AI_ROUTER_SERVICE_PORT=$((port + 4)) ANALYTICS_SERVICE_PORT=$((port + 5)) \
    REDIS_URL= KAFKA_BOOTSTRAP_SERVERS= MONGODB_URI= AGENTIC_GATEWAY_RATELIMITS_ENABLED=false \
    "$@" java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" > "$LOCAL_DATA/out.log" 2>&1 &
  LOCAL_PID=$!
  for _ in $(seq 1 3000); do
    grep -q "Agentic is ready" "$LOCAL_DATA/out.log" && return 0
    kill -0 "$LOCAL_PID" 2>/dev/null || { echo "local mode exited early:" >&2; tail -20 "$LOCAL_DATA/out.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "local mode not ready after 300 s" >&2; exit 1
}

# TERM, not INT: a background job of a non-interactive shell ignores SIGINT, and so does its JVM.
stop_local_mode() {
  if [ -n "$LOCAL_PID" ]; then kill -TERM "$LOCAL_PID" 2>/dev/null || true; wait "$LOCAL_PID" 2>/dev/null || true; fi
  if [ -n "$LOCAL_DATA" ]; then rm -rf "$LOCAL_DATA"; fi
  LOCAL_PID=""; LOCAL_DATA=""
}

# new_user <base url>: registers a fresh user and prints its access token.
new_user() {
  local user="bench$RANDOM$RANDOM"
  curl -sf "$1/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"benchmark-password-1\"}" >/dev/null
  curl -sf "$1/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$user\",\"password\":\"benchmark-password-1\"}" | jq -r .accessToken
}
