{{/* The release's base name: the release name, or <release>-agentic. */}}
{{- define "agentic.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "agentic.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "agentic.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "agentic.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: agentic
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "service" "auth-service"). */}}
{{- define "agentic.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agentic.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{/* Kubernetes name of one service's objects; call with (dict "root" $ "service" "auth-service"). */}}
{{- define "agentic.serviceName" -}}
{{- printf "%s-%s" (include "agentic.fullname" .root) .service -}}
{{- end -}}

{{/* Settings of one service: serviceDefaults with services.<name> on top, as YAML. */}}
{{- define "agentic.serviceValues" -}}
{{- $own := index .root.Values.services .service | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $own)) -}}
{{- end -}}

{{/* In-cluster base URL of one service, e.g. http://agentic-auth-service:8081. */}}
{{- define "agentic.serviceUrl" -}}
{{- $own := index .root.Values.services .service -}}
{{- printf "http://%s:%v" (include "agentic.serviceName" .) $own.port -}}
{{- end -}}

{{- define "agentic.secretName" -}}
{{- default (printf "%s-secrets" (include "agentic.fullname" .)) .Values.secret.existingSecret -}}
{{- end -}}

{{- define "agentic.configName" -}}
{{- printf "%s-config" (include "agentic.fullname" .) -}}
{{- end -}}

{{- define "agentic.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "agentic.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* "true" when auth-service gets a signing key file from the Secret. */}}
{{- define "agentic.hasSigningKey" -}}
{{- if or .Values.secret.existingSecret .Values.auth.signingKey -}}true{{- end -}}
{{- end -}}

{{/* The JAAS login module for the configured SASL mechanism. */}}
{{- define "agentic.kafkaLoginModule" -}}
{{- $mechanism := .Values.kafka.security.sasl.mechanism -}}
{{- if eq $mechanism "PLAIN" -}}
org.apache.kafka.common.security.plain.PlainLoginModule
{{- else if hasPrefix "SCRAM-" $mechanism -}}
org.apache.kafka.common.security.scram.ScramLoginModule
{{- else -}}
{{- fail (printf "agentic: kafka.security.sasl.mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 with protocol %s (was %q)" .Values.kafka.security.protocol $mechanism) -}}
{{- end -}}
{{- end -}}

{{/* Stops rendering on settings that would deploy a broken suite. */}}
{{- define "agentic.checks" -}}
{{- $protocol := .Values.kafka.security.protocol -}}
{{- if not (has $protocol (list "PLAINTEXT" "SSL" "SASL_PLAINTEXT" "SASL_SSL")) -}}
{{- fail (printf "agentic: kafka.security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (was %q)" $protocol) -}}
{{- end -}}
{{- if hasPrefix "SASL_" $protocol -}}
{{- $_ := include "agentic.kafkaLoginModule" . -}}
{{- if not .Values.kafka.security.sasl.username -}}
{{- fail "agentic: kafka.security.sasl.username is required with a SASL protocol" -}}
{{- end -}}
{{- end -}}
{{- if lt (int .Values.kafka.partitions) 1 -}}
{{- fail "agentic: kafka.partitions must be at least 1" -}}
{{- end -}}
{{- $auth := include "agentic.serviceValues" (dict "root" . "service" "auth-service") | fromYaml -}}
{{- if not (include "agentic.hasSigningKey" .) -}}
{{- $max := int $auth.replicas -}}
{{- if $auth.autoscaling.enabled -}}{{- $max = int $auth.autoscaling.maxReplicas -}}{{- end -}}
{{- if gt $max 1 -}}
{{- fail "agentic: auth-service can run more than one replica only with a shared signing key: set auth.signingKey (--set-file auth.signingKey=keys.json, made by deploy/signing-key.sh new) or secret.existingSecret" -}}
{{- end -}}
{{- end -}}
{{- end -}}
