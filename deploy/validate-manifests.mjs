// Schema-checks the manifests `helm template` rendered, then checks what the chart promises.
//
//   node deploy/validate-manifests.mjs <default|production|values-secrets> rendered.yaml
//
// Every document is validated against the Kubernetes OpenAPI schemas (kubernetes-models'
// .validate()); then: every service has a Deployment (non-root, read-only root file system, all
// capabilities dropped, /tmp on an emptyDir, resources, readiness and liveness probes), a Service
// and a PodDisruptionBudget, and an HPA when autoscaled; with "production": 3+ replicas, an
// Ingress with TLS, Kafka over SASL_SSL. Packages come from deploy/.cache/node_modules
// (deploy/validate.sh installs them).
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, ".cache", "node_modules");
const require = createRequire(join(modules, "noop.js"));
const YAML = require("yaml");

const [label, file] = process.argv.slice(2);
if (!label || !file) {
  console.error("usage: node validate-manifests.mjs <default|production|values-secrets> rendered.yaml");
  process.exit(2);
}

const SERVICES = {
  "gateway-service": 8080,
  "auth-service": 8081,
  "workflow-service": 8082,
  "execution-service": 8083,
  "ai-router-service": 8084,
  "analytics-service": 8085,
};

const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

// ---- parse ---------------------------------------------------------------------------------------
const documents = YAML.parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true });
const manifests = [];
for (const doc of documents) {
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problem("yaml", e.message);
    continue;
  }
  const value = doc.toJS();
  if (value != null) manifests.push(value);
}

// ---- schemas ---------------------------------------------------------------------------------------
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group
    ? join(modules, "kubernetes-models", group, version, `${kind}.js`)
    : join(modules, "kubernetes-models", version, `${kind}.js`);
  if (!existsSync(path)) return null;
  const module = await import(pathToFileURL(path).href);
  return module[kind] ?? module.default;
}

const counts = {};
for (const m of manifests) {
  const where = `${m.kind ?? "?"}/${m.metadata?.name ?? "?"}`;
  if (!m.apiVersion || !m.kind) {
    problem(where, "no apiVersion or kind");
    continue;
  }
  const Model = await modelFor(m.apiVersion, m.kind);
  if (!Model) {
    problem(where, `no schema for ${m.apiVersion} ${m.kind}`);
    continue;
  }
  try {
    new Model(m).validate();
  } catch (e) {
    problem(where, `schema: ${e.message}`);
  }
  counts[m.kind] = (counts[m.kind] ?? 0) + 1;
}

// ---- what the chart promises -----------------------------------------------------------------------
const byKind = (kind) => manifests.filter((m) => m.kind === kind);
const component = (m) => m.metadata?.labels?.["app.kubernetes.io/component"];
const find = (kind, service) => byKind(kind).find((m) => component(m) === service);

const configMap = byKind("ConfigMap")[0];
if (!configMap) problem("ConfigMap", "missing");
const config = configMap?.data ?? {};
for (const key of ["KAFKA_BOOTSTRAP_SERVERS", "AGENTIC_KAFKA_PARTITIONS", "AGENTIC_SECURITY_JWKS_URI", "SPRING_KAFKA_SECURITY_PROTOCOL"]) {
  if (!config[key]) problem("ConfigMap", `no ${key}`);
}

const env = (container, name) => (container.env ?? []).find((e) => e.name === name);
const hpas = byKind("HorizontalPodAutoscaler");

for (const [service, port] of Object.entries(SERVICES)) {
  const deployment = find("Deployment", service);
  if (!deployment) {
    problem(service, "no Deployment");
    continue;
  }
  const where = `Deployment/${deployment.metadata.name}`;
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  const sc = container.securityContext ?? {};
  const psc = pod.securityContext ?? {};
  if (!(sc.runAsNonRoot || psc.runAsNonRoot)) problem(where, "not runAsNonRoot");
  if ((sc.runAsUser ?? psc.runAsUser) !== 10001) problem(where, "not uid 10001");
  if (sc.readOnlyRootFilesystem !== true) problem(where, "root file system not read-only");
  if (sc.allowPrivilegeEscalation !== false) problem(where, "privilege escalation allowed");
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) problem(where, "capabilities not all dropped");
  const tmp = (container.volumeMounts ?? []).find((v) => v.mountPath === "/tmp");
  const tmpVolume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
  if (!tmpVolume?.emptyDir) problem(where, "/tmp is not an emptyDir");
  for (const kind of ["requests", "limits"]) {
    if (!container.resources?.[kind]?.cpu || !container.resources?.[kind]?.memory) problem(where, `no resources.${kind}`);
  }
  if (container.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") problem(where, "readiness probe is not /actuator/health/readiness");
  if (container.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") problem(where, "liveness probe is not /actuator/health/liveness");
  if (pod.enableServiceLinks !== false) problem(where, "service links enabled (they set *_SERVICE_PORT=tcp://...)");
  const http = (container.ports ?? []).find((p) => p.name === "http");
  if (http?.containerPort !== port) problem(where, `container port is ${http?.containerPort}, expected ${port}`);
  if (env(container, "SERVER_PORT")?.value !== String(port)) problem(where, `SERVER_PORT is not ${port}`);
  if (!(container.envFrom ?? []).some((e) => e.configMapRef?.name === configMap?.metadata?.name)) problem(where, "does not read the ConfigMap");

  const svc = find("Service", service);
  if (!svc) problem(service, "no Service");
  else if (svc.spec.ports?.[0]?.port !== port) problem(`Service/${svc.metadata.name}`, `port is not ${port}`);
  if (!find("PodDisruptionBudget", service)) problem(service, "no PodDisruptionBudget");

  const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === deployment.metadata.name);
  if (hpa) {
    if (hpa.apiVersion !== "autoscaling/v2") problem(`HPA/${hpa.metadata.name}`, "not autoscaling/v2");
    const cpu = hpa.spec.metrics?.find((m) => m.resource?.name === "cpu");
    if (!cpu?.resource?.target?.averageUtilization) problem(`HPA/${hpa.metadata.name}`, "no CPU target");
    if (deployment.spec.replicas !== undefined) problem(where, "sets replicas although an HPA scales it");
  } else if (!deployment.spec.replicas) {
    problem(where, "neither replicas nor an HPA");
  }

  if (label === "production") {
    const replicas = hpa ? hpa.spec.minReplicas : deployment.spec.replicas;
    if (replicas < 3) problem(where, `only ${replicas} replicas in production`);
    if (!hpa) problem(where, "no HorizontalPodAutoscaler in production");
  }
}

// Service-specific wiring the suite needs.
const gateway = find("Deployment", "gateway-service")?.spec.template.spec.containers[0];
for (const route of ["AUTH", "WORKFLOW", "EXECUTION", "AIROUTER", "ANALYTICS"]) {
  if (gateway && !env(gateway, `AGENTIC_GATEWAY_SERVICES_${route}`)?.value?.startsWith("http://")) {
    problem("gateway-service", `no AGENTIC_GATEWAY_SERVICES_${route}`);
  }
}
const execution = find("Deployment", "execution-service")?.spec.template.spec.containers[0];
if (execution && !env(execution, "AGENTIC_EXECUTION_WORKFLOW_SERVICE_URL")) problem("execution-service", "no AGENTIC_EXECUTION_WORKFLOW_SERVICE_URL");
const auth = find("Deployment", "auth-service")?.spec.template.spec.containers[0];
if (auth && !env(auth, "AGENTIC_AUTH_API_KEY_PEPPER")?.valueFrom?.secretKeyRef) problem("auth-service", "API-key pepper not from the Secret");
const router = find("Deployment", "ai-router-service")?.spec.template.spec.containers[0];
for (const provider of ["GEMINI", "GROQ", "HUGGINGFACE", "OPENROUTER", "OPENAI"]) {
  if (router && !env(router, `${provider}_API_KEY`)?.valueFrom?.secretKeyRef) problem("ai-router-service", `${provider}_API_KEY not from the Secret`);
}
// Provider keys go to ai-router-service only.
for (const m of byKind("Deployment").filter((d) => component(d) !== "ai-router-service")) {
  if (env(m.spec.template.spec.containers[0], "GEMINI_API_KEY")) problem(`Deployment/${m.metadata.name}`, "receives provider keys");
}

// auth-service reads a signing key file exactly when the Secret provides one, from a read-only mount.
if (auth) {
  const authPod = find("Deployment", "auth-service").spec.template.spec;
  const keyFile = env(auth, "AGENTIC_AUTH_SIGNING_KEY_FILE")?.value;
  const keyVolume = (authPod.volumes ?? []).find((v) => v.secret?.items?.some((i) => i.key === "jwt-signing-key"));
  const secret = byKind("Secret")[0];
  const secretHasKey = secret ? Boolean(secret.data?.["jwt-signing-key"]) : true; // existingSecret: required key
  if (secretHasKey !== Boolean(keyFile) || Boolean(keyFile) !== Boolean(keyVolume)) {
    problem("auth-service", `signing key: in Secret ${secretHasKey}, file env ${keyFile}, volume ${Boolean(keyVolume)}`);
  }
  if (keyFile) {
    const mount = (auth.volumeMounts ?? []).find((v) => v.name === keyVolume?.name);
    if (!mount?.readOnly || !keyFile.startsWith(`${mount.mountPath}/`)) problem("auth-service", "signing key file not on its read-only mount");
  }
}
if (label === "values-secrets") {
  const secret = byKind("Secret")[0];
  for (const key of ["mongodb-uri", "redis-url", "api-key-pepper", "gateway-secret", "jwt-signing-key", "kafka-sasl-password", "gemini-api-key"]) {
    if (!secret?.data?.[key]) problem("Secret", `no ${key}`);
  }
  if (config.SPRING_KAFKA_PROPERTIES_SASL_MECHANISM !== "PLAIN") problem("values-secrets", "SASL mechanism is not PLAIN");
  const jaas = execution && env(execution, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")?.value;
  if (!jaas?.startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required")) problem("values-secrets", `JAAS config is ${jaas}`);
}

if (label === "production") {
  const ingress = byKind("Ingress")[0];
  if (!ingress) problem("production", "no Ingress");
  else {
    if (!ingress.spec.ingressClassName) problem(`Ingress/${ingress.metadata.name}`, "no ingressClassName");
    if (!ingress.spec.tls?.length) problem(`Ingress/${ingress.metadata.name}`, "no TLS");
    const backend = ingress.spec.rules?.[0]?.http?.paths?.[0]?.backend?.service;
    if (backend?.name !== find("Service", "gateway-service")?.metadata.name) problem(`Ingress/${ingress.metadata.name}`, "does not route to the gateway");
  }
  if (config.SPRING_KAFKA_SECURITY_PROTOCOL !== "SASL_SSL") problem("production", "Kafka is not SASL_SSL");
  if (!config.SPRING_KAFKA_PROPERTIES_SASL_MECHANISM) problem("production", "no SASL mechanism");
  const jaas = execution && env(execution, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")?.value;
  if (!jaas?.includes("$(KAFKA_SASL_PASSWORD)")) problem("production", "no SASL JAAS config taking the password from the Secret");
  if (!auth?.env?.some((e) => e.name === "AGENTIC_AUTH_SIGNING_KEY_FILE")) problem("production", "auth-service has no signing key file");
}

if (problems.length > 0) {
  console.error(`${label}: ${problems.length} problem(s) in ${manifests.length} manifests:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
const summary = Object.entries(counts)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([kind, n]) => `${n} ${kind}`)
  .join(", ");
console.log(`   ok: ${label}: ${manifests.length} manifests valid against the Kubernetes schemas (${summary}); chart checks passed`);
