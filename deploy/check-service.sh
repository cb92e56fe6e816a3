#!/bin/sh
# Stops an image build early, with the list of valid names, when SERVICE is missing or misspelt.
case "${1:-}" in
  gateway-service | auth-service | workflow-service | execution-service | ai-router-service | analytics-service) ;;
  *)
    echo "SERVICE must be one of gateway-service, auth-service, workflow-service, execution-service," >&2
    echo "ai-router-service, analytics-service (got '${1:-}'): docker build --build-arg SERVICE=..." >&2
    exit 1
    ;;
esac
