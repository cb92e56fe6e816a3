#!/bin/bash
# Container health check: GET /actuator/health/liveness on the service's own port must answer 200.
# Uses bash's /dev/tcp only (the image has neither curl nor wget). The port is the one the service
# listens on: SERVER_PORT if set, else the service's own variable (PORT for the gateway,
# AUTH_SERVICE_PORT for auth-service, ...), else its default.
set -u
case "${AGENTIC_SERVICE:-}" in
  gateway-service) var=PORT default=8080 ;;
  auth-service) var=AUTH_SERVICE_PORT default=8081 ;;
  workflow-service) var=WORKFLOW_SERVICE_PORT default=8082 ;;
  execution-service) var=EXECUTION_SERVICE_PORT default=8083 ;;
  ai-router-service) var=AI_ROUTER_SERVICE_PORT default=8084 ;;
  analytics-service) var=ANALYTICS_SERVICE_PORT default=8085 ;;
  *) echo "unknown AGENTIC_SERVICE '${AGENTIC_SERVICE:-}'" >&2; exit 1 ;;
esac
port="${SERVER_PORT:-${!var:-$default}}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r -t 4 _ status _ <&3 || exit 1
[ "$status" = "200" ]
