{{- define "outpost.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "outpost.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "outpost.labels" -}}
{{ include "outpost.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "outpost.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}{{ default (include "outpost.fullname" .) .Values.serviceAccount.name }}{{- else -}}{{ default "default" .Values.serviceAccount.name }}{{- end -}}
{{- end -}}

{{- define "outpost.tlsSecret" -}}{{ default (printf "%s-tls" (include "outpost.fullname" .)) .Values.tls.existingSecret }}{{- end -}}
{{- define "outpost.authSecret" -}}{{ default (printf "%s-auth" (include "outpost.fullname" .)) .Values.auth.existingSecret }}{{- end -}}
{{- define "outpost.databaseSecret" -}}{{ default (printf "%s-database" (include "outpost.fullname" .)) .Values.database.existingSecret }}{{- end -}}
{{- define "outpost.metricsSecret" -}}{{ default (printf "%s-metrics" (include "outpost.fullname" .)) .Values.metrics.existingSecret }}{{- end -}}

{{/* Names on the serving certificate: the public hostname, extras, and the Service's DNS names. */}}
{{- define "outpost.certNames" -}}
{{- $svc := include "outpost.fullname" . -}}
{{- $names := list .Values.hostname $svc (printf "%s.%s" $svc .Release.Namespace) (printf "%s.%s.svc" $svc .Release.Namespace) (printf "%s.%s.svc.cluster.local" $svc .Release.Namespace) -}}
{{- concat $names .Values.extraHostnames | uniq | toJson -}}
{{- end -}}

{{- define "outpost.validate" -}}
{{- if and (not .Values.database.existingSecret) (not .Values.database.url) -}}
{{- fail "set database.existingSecret (a Secret with the PostgreSQL URL) or database.url" -}}
{{- end -}}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" .Values.hostname) -}}
{{- fail "hostname must be a DNS name such as outpost.example.com" -}}
{{- end -}}
{{- end -}}
