#!/usr/bin/env bash
# Creates the secrets docker-compose.yml mounts, once: deploy/secrets/signing-key.json (the JWT
# signing keys, see signing-key.sh), api-key-pepper (the key API-key secrets are hashed with) and
# gateway-secret (what the gateway proves itself with to auth-service). Existing files are kept:
# replacing the pepper would invalidate every API key, replacing the signing keys every token.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${AGENTIC_SECRETS_DIR:-$here/secrets}"
umask 077
mkdir -p "$dir"

b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }

if [ ! -s "$dir/signing-key.json" ]; then
  "$here/signing-key.sh" new >"$dir/signing-key.json"
  echo "created $dir/signing-key.json"
fi
if [ ! -s "$dir/api-key-pepper" ]; then
  openssl rand 32 | b64url >"$dir/api-key-pepper"
  echo "created $dir/api-key-pepper"
fi
if [ ! -s "$dir/gateway-secret" ]; then
  openssl rand 32 | b64url >"$dir/gateway-secret"
  echo "created $dir/gateway-secret"
fi
# The containers run as uid 10001 and see these files through bind mounts, with these modes; the
# directory stays private to its owner on the host.
chmod 0644 "$dir"/signing-key.json "$dir"/api-key-pepper "$dir"/gateway-secret
chmod 0700 "$dir"
echo "secrets ready in $dir"
