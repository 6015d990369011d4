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
