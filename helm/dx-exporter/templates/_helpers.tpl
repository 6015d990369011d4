{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "dx-exporter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "dx-exporter.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "dx-exporter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dx-exporter.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{/* Selector labels: immutable, so no chart version in here. */}}
{{- define "dx-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dx-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "dx-exporter.labels" -}}
helm.sh/chart: {{ include "dx-exporter.chart" . }}
{{ include "dx-exporter.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: exporter
app.kubernetes.io/part-of: dx-exporter
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "dx-exporter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "dx-exporter.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "dx-exporter.image" -}}
{{- $repo := .Values.image.repository }}
{{- if .Values.image.registry }}{{ $repo = printf "%s/%s" .Values.image.registry .Values.image.repository }}{{ end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repo .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* The shipped rule file: files/dx-exporter.rules.yml, a copy of alerts/dx-exporter.rules.yml (HelmPackagingTest keeps it identical). */}}
{{- define "dx-exporter.rules" -}}
{{- $text := .Files.Get "files/dx-exporter.rules.yml" }}
{{- if not $text }}
{{- fail "files/dx-exporter.rules.yml is missing from the chart (it is a copy of alerts/dx-exporter.rules.yml)" }}
{{- end }}
{{- $text }}
{{- end }}

{{/* A name of at most 63 characters ending in "-<suffix>": the fullname is shortened, never the suffix,
  so the names of one release stay distinct however long the release name is. */}}
{{- define "dx-exporter.suffixedName" -}}
{{- $root := index . 0 }}
{{- $suffix := index . 1 }}
{{- printf "%s-%s" (include "dx-exporter.fullname" $root | trunc (int (sub 62 (len $suffix))) | trimSuffix "-") $suffix }}
{{- end }}

{{- define "dx-exporter.configMapName" -}}
{{- include "dx-exporter.suffixedName" (list . "config") }}
{{- end }}

{{/* Whether a web config is given, and whether it serves TLS / asks for basic auth ("true" or ""). */}}
{{- define "dx-exporter.webConfig" -}}
{{- if or .Values.webConfig.config .Values.webConfig.existingSecret }}true{{ end }}
{{- end }}

{{- define "dx-exporter.tls" -}}
{{- if or .Values.webConfig.tls (hasKey .Values.webConfig.config "tls_server_config") }}true{{ end }}
{{- end }}

{{- define "dx-exporter.basicAuth" -}}
{{- if or .Values.webConfig.basicAuth (hasKey .Values.webConfig.config "basic_auth_users") }}true{{ end }}
{{- end }}

{{- define "dx-exporter.scheme" -}}
{{- if include "dx-exporter.tls" . }}https{{ else }}http{{ end }}
{{- end }}

{{- define "dx-exporter.webConfigSecretName" -}}
{{- .Values.webConfig.existingSecret | default (include "dx-exporter.suffixedName" (list . "web-config")) }}
{{- end }}

{{/* A probe of the values, over HTTPS when the web config serves TLS (the kubelet does not verify the
  certificate). */}}
{{- define "dx-exporter.probe" -}}
{{- $probe := deepCopy (index . 1) }}
{{- if and (include "dx-exporter.tls" (index . 0)) $probe.httpGet }}
{{- $_ := set $probe.httpGet "scheme" "HTTPS" }}
{{- end }}
{{- toYaml $probe }}
{{- end }}

{{/* The exporter's config: config of the values, with the GitHub token and webhook secret of
  secrets.* referenced as {env: ...} under global.github unless the config names its own (a
  config's webhook_secrets, the rotation list, excludes webhook_secret: never both). */}}
{{- define "dx-exporter.config" -}}
{{- $config := deepCopy .Values.config }}
{{- $github := dict }}
{{- with .Values.secrets.github }}{{ if .existingSecret }}{{ $_ := set $github "token" (dict "env" .env) }}{{ end }}{{ end }}
{{- $ownGithub := (.Values.config.global | default dict).github | default dict }}
{{- with .Values.secrets.webhook }}{{ if and .existingSecret (not (hasKey $ownGithub "webhook_secrets")) }}{{ $_ := set $github "webhook_secret" (dict "env" .env) }}{{ end }}{{ end }}
{{- if $github }}
{{- $global := $config.global | default dict }}
{{- $_ := set $global "github" (merge ($global.github | default dict) $github) }}
{{- $_ := set $config "global" $global }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{/* Labels of the `helm test` pod: not the selector labels, so the Service never sends it traffic. */}}
{{- define "dx-exporter.testLabels" -}}
app.kubernetes.io/name: {{ include "dx-exporter.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: test
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}
