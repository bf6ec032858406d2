import { createHash } from "node:crypto";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";

// What k3s's helm-controller generates for one HelmChart: the values Secret, the
// chart-content ConfigMap, the job's ServiceAccount and its cluster-admin binding, and the
// helm-install-<name> (or helm-delete-<name>) Job running klipper-helm.

export const CHART_LABEL = "helmcharts.helm.cattle.io/chart";
export const CONFIG_HASH = "helmcharts.helm.cattle.io/configHash";
export const JOB_IMAGE = "rancher/klipper-helm:v0.9.3-build20241008";

export interface HelmChartSpec {
  targetNamespace?: string;
  createNamespace?: boolean;
  chart?: string;
  version?: string;
  repo?: string;
  set?: Record<string, string | number | boolean>;
  valuesContent?: string;
  helmVersion?: string;
  bootstrap?: boolean;
  chartContent?: string;
  jobImage?: string;
  backOffLimit?: number;
  timeout?: string;
  failurePolicy?: string;
}

export interface ChartObjects {
  job: KubeObject;
  valuesSecret: KubeObject;
  contentConfigMap: KubeObject;
  serviceAccount: KubeObject;
  binding: KubeObject;
}

function meta(name: string, namespace: string | undefined, owner: KubeObject, extra: Record<string, unknown> = {}): KubeObject["metadata"] {
  const annotations = {
    "objectset.rio.cattle.io/id": "helm-controller-chart-registration",
    "objectset.rio.cattle.io/owner-gvk": "helm.cattle.io/v1, Kind=HelmChart",
    "objectset.rio.cattle.io/owner-name": owner.metadata.name,
    "objectset.rio.cattle.io/owner-namespace": owner.metadata.namespace ?? "",
  };
  const setHash = createHash("sha1").update(`helm-controller-chart-registration/${owner.metadata.namespace}/${owner.metadata.name}`).digest("hex");
  const labels = { "objectset.rio.cattle.io/hash": setHash, ...(extra.labels as Record<string, string> | undefined) };
  const ownerReferences = namespace ? [{ apiVersion: "helm.cattle.io/v1", kind: "HelmChart", name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }] : undefined;
  return { name, ...(namespace ? { namespace } : {}), labels, annotations, ...(ownerReferences ? { ownerReferences } : {}) } as unknown as KubeObject["metadata"];
}

/** `--set` for values that look typed (int, bool, null), `--set-string` otherwise, keys sorted. */
function args(spec: HelmChartSpec, deleting: boolean): string[] {
  if (deleting) return ["delete"];
  const out = ["install"];
  if (spec.targetNamespace) out.push("--namespace", spec.targetNamespace);
  if (spec.createNamespace) out.push("--create-namespace");
  if (spec.version) out.push("--version", spec.version);
  for (const k of Object.keys(spec.set ?? {}).sort()) {
    const v = spec.set?.[k];
    const typed = typeof v === "number" || typeof v === "boolean" || ["true", "false", "null"].includes(String(v).toLowerCase());
    out.push(typed ? "--set" : "--set-string", `${k}=${typed ? String(v) : String(v).replace(/(\\*),/g, (m: string) => (m.length % 2 === 1 ? `\\${m}` : m))}`);
  }
  return out;
}

function configHash(...datas: Record<string, string>[]): string {
  const h = createHash("sha256");
  for (const data of datas) for (const k of Object.keys(data).sort()) h.update(k).update(data[k] ?? "");
  return `SHA256=${h.digest("hex").toUpperCase()}`;
}

/** Everything the controller applies for a chart; `configValues` = HelmChartConfig valuesContent. */
export function chartObjects(chart: KubeObject, configValues: string | undefined, failurePolicy: string, deleting: boolean): ChartObjects {
  const spec = (isRecord(chart.spec) ? chart.spec : {}) as HelmChartSpec;
  const name = chart.metadata.name;
  const ns = chart.metadata.namespace ?? "kube-system";
  const b64 = (s: string): string => Buffer.from(s).toString("base64");
  const values: Record<string, string> = {};
  if (spec.valuesContent) values["values-01_HelmChart.yaml"] = b64(spec.valuesContent);
  if (configValues) values["values-10_HelmChartConfig.yaml"] = b64(configValues);
  const content: Record<string, string> = spec.chartContent ? { [`${name}.tgz.base64`]: spec.chartContent } : {};
  const valuesSecret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: meta(`chart-values-${name}`, ns, chart), type: "Opaque", data: values };
  const contentConfigMap: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: meta(`chart-content-${name}`, ns, chart), data: content };
  const serviceAccount: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(`helm-${name}`, ns, chart), automountServiceAccountToken: true };
  const binding: KubeObject = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: meta(`helm-${ns}-${name}`, undefined, chart), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "ServiceAccount", name: `helm-${name}`, namespace: ns }] };
  const env = [
    { name: "NAME", value: name },
    { name: "VERSION", value: spec.version ?? "" },
    { name: "REPO", value: spec.repo ?? "" },
    { name: "HELM_DRIVER", value: "secret" },
    { name: "CHART_NAMESPACE", value: ns },
    { name: "CHART", value: spec.repo ? `${name}/${spec.chart ?? ""}` : spec.chart ?? "" },
    { name: "HELM_VERSION", value: spec.helmVersion ?? "" },
    { name: "TARGET_NAMESPACE", value: spec.targetNamespace || ns },
    { name: "AUTH_PASS_CREDENTIALS", value: "false" },
    { name: "INSECURE_SKIP_TLS_VERIFY", value: "false" },
    { name: "PLAIN_HTTP", value: "false" },
    ...(spec.timeout ? [{ name: "TIMEOUT", value: spec.timeout }] : []),
    { name: "FAILURE_POLICY", value: failurePolicy },
  ];
  const emptyDirs = ["klipper-helm", "klipper-cache", "klipper-config", "tmp"];
  const mounts = [
    ...emptyDirs.map((v) => ({ name: v, mountPath: v === "tmp" ? "/tmp" : `/home/klipper-helm/.${v.replace("klipper-", "")}` })),
    { name: "values", mountPath: "/config" },
    { name: "content", mountPath: "/chart" },
  ];
  const labels = { [CHART_LABEL]: name };
  const job: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta(`helm-${deleting ? "delete" : "install"}-${name}`, ns, chart, { labels }),
    spec: {
      backoffLimit: spec.backOffLimit ?? 1000,
      template: {
        metadata: { annotations: { [CONFIG_HASH]: configHash(values, content) }, labels },
        spec: {
          restartPolicy: "OnFailure",
          serviceAccountName: `helm-${name}`,
          nodeSelector: { "kubernetes.io/os": "linux", ...(spec.bootstrap ? { "node-role.kubernetes.io/control-plane": "true" } : {}) },
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          containers: [{
            name: "helm",
            image: spec.jobImage?.trim() || JOB_IMAGE,
            imagePullPolicy: "IfNotPresent",
            args: args(spec, deleting),
            env,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true },
            volumeMounts: mounts,
          }],
          volumes: [
            ...emptyDirs.map((v) => ({ name: v, emptyDir: { medium: "Memory" } })),
            { name: "values", secret: { secretName: `chart-values-${name}` } },
            { name: "content", configMap: { name: `chart-content-${name}` } },
          ],
        },
      },
    },
  };
  return { job, valuesSecret, contentConfigMap, serviceAccount, binding };
}

/** What makes two generated Jobs different (the controller replaces the Job when it changes). */
export function jobFingerprint(job: KubeObject): string {
  const spec = (job.spec ?? {}) as { backoffLimit?: number; template?: { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: { image?: string; args?: string[]; env?: unknown[] }[] } } };
  const c = spec.template?.spec?.containers?.[0];
  return JSON.stringify([spec.backoffLimit, spec.template?.metadata?.annotations?.[CONFIG_HASH], c?.image, c?.args, c?.env]);
}
