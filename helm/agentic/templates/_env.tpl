{{/*
The environment of one service beyond the shared ConfigMap; call with
(dict "root" $ "service" "auth-service" "values" $svc). Each service gets only the secrets it uses.
*/}}
{{- define "agentic.serviceEnv" -}}
{{- $root := .root -}}
{{- $service := .service -}}
{{- $secret := include "agentic.secretName" $root -}}
{{- $usesKafka := ne $service "gateway-service" -}}
{{- $usesMongo := has $service (list "auth-service" "workflow-service" "execution-service" "ai-router-service") -}}
{{- $usesRedis := ne $service "analytics-service" -}}
# the port the Service and the probes use, whatever the service's own default
- name: SERVER_PORT
  value: {{ .values.port | quote }}
{{- if $usesMongo }}
- name: MONGODB_URI
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: mongodb-uri}
{{- end }}
{{- if $usesRedis }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: redis-url}
{{- end }}
{{- if $usesKafka }}
{{- if hasPrefix "SASL_" $root.Values.kafka.security.protocol }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: kafka-sasl-password}
# spring.kafka.properties.sasl.jaas.config; Kubernetes substitutes $(KAFKA_SASL_PASSWORD)
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"%s\" password=\"$(KAFKA_SASL_PASSWORD)\";" (include "agentic.kafkaLoginModule" $root) $root.Values.kafka.security.sasl.username | quote }}
{{- end }}
{{- with $root.Values.kafka.security.tls.caSecret }}
# spring.kafka.ssl.trust-store-certificates: the brokers' CA, PEM
- name: SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES
  valueFrom:
    secretKeyRef: {name: {{ . }}, key: {{ $root.Values.kafka.security.tls.caKey }}}
{{- end }}
{{- end }}
{{- if eq $service "gateway-service" }}
{{- range $target, $property := dict "auth-service" "AUTH" "workflow-service" "WORKFLOW" "execution-service" "EXECUTION" "ai-router-service" "AIROUTER" "analytics-service" "ANALYTICS" }}
- name: AGENTIC_GATEWAY_SERVICES_{{ $property }}
  value: {{ include "agentic.serviceUrl" (dict "root" $root "service" $target) | quote }}
{{- end }}
# agentic.gateway.gateway-secret: shown to auth-service to exchange API keys
- name: AGENTIC_GATEWAY_GATEWAYSECRET
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: gateway-secret}
{{- end }}
{{- if eq $service "auth-service" }}
{{- if include "agentic.hasSigningKey" $root }}
- name: AGENTIC_AUTH_SIGNING_KEY_FILE
  value: /etc/agentic/keys/signing-key.json
{{- end }}
- name: AGENTIC_AUTH_API_KEY_PEPPER
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: api-key-pepper}
- name: AGENTIC_GATEWAY_SECRET
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: gateway-secret}
{{- with $root.Values.auth.adminEmail }}
- name: AGENTIC_ADMIN_EMAIL
  value: {{ . | quote }}
{{- end }}
- name: AGENTIC_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: admin-password, optional: true}
{{- end }}
{{- if eq $service "execution-service" }}
- name: AGENTIC_EXECUTION_WORKFLOW_SERVICE_URL
  value: {{ include "agentic.serviceUrl" (dict "root" $root "service" "workflow-service") | quote }}
{{- with $root.Values.http.allowHosts }}
- name: AGENTIC_HTTP_ALLOW_HOSTS
  value: {{ join "," . | quote }}
{{- end }}
{{- end }}
{{- if eq $service "ai-router-service" }}
{{- range $provider, $settings := $root.Values.providers }}
- name: {{ upper $provider }}_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: {{ $provider }}-api-key, optional: true}
{{- with $settings.baseUrl }}
- name: {{ upper $provider }}_BASE_URL
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $service "analytics-service" }}
{{- range $target, $variable := dict "gateway-service" "GATEWAY_URL" "auth-service" "AUTH_SERVICE_URL" "workflow-service" "WORKFLOW_SERVICE_URL" "execution-service" "EXECUTION_SERVICE_URL" "ai-router-service" "AI_ROUTER_SERVICE_URL" "analytics-service" "ANALYTICS_SERVICE_URL" }}
- name: {{ $variable }}
  value: {{ include "agentic.serviceUrl" (dict "root" $root "service" $target) | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .values.env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- with .values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
