import type { ClusterState } from "../cluster/cluster-state";
import { createObject, deleteObject, updateObject, writeStatus } from "../cluster/object-writes";
import { recordEvent } from "../cluster/record-event";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { CHART_LABEL, chartObjects, jobFingerprint, type HelmChartSpec } from "./helm-job";
import { startKlipperHelm } from "./klipper-helm";

// k3s's embedded helm-controller (k3s-io/helm-controller as k3s v1.31 ships it, watching
// every namespace): claims a HelmChart (managed-by annotation, on-remove finalizer),
// applies the values Secret, content ConfigMap, ServiceAccount, cluster-admin binding and
// the helm-install-<name> Job, replaces the Job when the chart's config changes (an upgrade
// run), and on deletion runs helm-delete-<name> before letting the HelmChart go.

const CHARTS = "helm.cattle.io/helmcharts";
const CONFIGS = "helm.cattle.io/helmchartconfigs";
const MANAGED_BY = "helmcharts.cattle.io/managed-by";
const UNMANAGED = "helmcharts.helm.cattle.io/unmanaged";
const FINALIZER = "wrangler.cattle.io/on-helm-chart-remove";
const NAME = "helm-controller";

interface Condition { type: string; status: string; reason?: string; message?: string }

function chartType(cluster: ClusterState): ResourceType | undefined {
  return cluster.registry.byKind("helm.cattle.io/v1", "HelmChart");
}

function typeFor(cluster: ClusterState, o: KubeObject): ResourceType {
  const t = cluster.registry.byKind(o.apiVersion, o.kind);
  if (!t) throw new Error(`unknown kind ${o.apiVersion} ${o.kind}`);
  return t;
}

function getLike(cluster: ClusterState, o: KubeObject): KubeObject | undefined {
  return cluster.store.get(typeFor(cluster, o).storage, o.metadata.namespace, o.metadata.name);
}

/** Creates the object, or brings its data/binding back to the desired one. */
function ensure(cluster: ClusterState, desired: KubeObject): void {
  const cur = getLike(cluster, desired);
  if (!cur) return void createObject(cluster, typeFor(cluster, desired), desired);
  const { metadata: _m, ...want } = desired;
  const { metadata: _c, ...have } = cur;
  const drift = Object.keys(want).some((k) => JSON.stringify(want[k]) !== JSON.stringify(have[k]));
  if (drift) updateObject(cluster, typeFor(cluster, desired), { ...cur, ...want, metadata: cur.metadata });
}

function removeIfPresent(cluster: ClusterState, o: KubeObject): void {
  const cur = getLike(cluster, o);
  if (cur) deleteObject(cluster, typeFor(cluster, o), cur);
}

function jobFailed(job: KubeObject | undefined): boolean {
  const conds = ((job?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []);
  return conds.some((c) => c.type === "Failed" && c.status === "True");
}

function configOf(cluster: ClusterState, chart: KubeObject): { values?: string; failurePolicy?: string } {
  const conf = cluster.store.get(CONFIGS, chart.metadata.namespace, chart.metadata.name);
  const spec = (conf && isRecord(conf.spec) ? conf.spec : {}) as { valuesContent?: string; failurePolicy?: string };
  return { values: spec.valuesContent, failurePolicy: spec.failurePolicy };
}

/** Whether this controller handles the chart; claims it (annotation + finalizer) first. */
function claim(cluster: ClusterState, t: ResourceType, chart: KubeObject): boolean {
  const spec = (isRecord(chart.spec) ? chart.spec : {}) as HelmChartSpec;
  if (!spec.chart && !spec.chartContent) return false;
  const ann = chart.metadata.annotations ?? {};
  if (UNMANAGED in ann) return false;
  if (ann[MANAGED_BY] !== undefined && ann[MANAGED_BY] !== NAME) return false;
  const finalizers = chart.metadata.finalizers ?? [];
  if (ann[MANAGED_BY] === NAME && (finalizers.includes(FINALIZER) || chart.metadata.deletionTimestamp)) return true;
  updateObject(cluster, t, { ...chart, metadata: { ...chart.metadata, annotations: { ...ann, [MANAGED_BY]: NAME }, finalizers: finalizers.includes(FINALIZER) ? finalizers : [...finalizers, FINALIZER] } });
  return false;
}

function setStatus(cluster: ClusterState, t: ResourceType, chart: KubeObject, jobName: string, conditions: Condition[]): void {
  const cur = cluster.store.get(t.storage, chart.metadata.namespace, chart.metadata.name);
  if (cur) writeStatus(cluster, t, cur, { ...(isRecord(cur.status) ? cur.status : {}), jobName, conditions });
}

function onChange(cluster: ClusterState, t: ResourceType, chart: KubeObject): void {
  const spec = (isRecord(chart.spec) ? chart.spec : {}) as HelmChartSpec;
  if (spec.helmVersion && spec.helmVersion !== "v3") {
    recordEvent(cluster, chart, "Warning", "UnsupportedVersion", `Unsupported Helm version ${spec.helmVersion}: only v3 charts are supported`, NAME);
    return setStatus(cluster, t, chart, "", [{ type: "JobCreated", status: "False" }, { type: "Failed", status: "True", reason: "Unsupported version", message: "Only Helm v3 charts are supported" }]);
  }
  const conf = configOf(cluster, chart);
  const objs = chartObjects(chart, conf.values, conf.failurePolicy || spec.failurePolicy || "reinstall", false);
  for (const o of [objs.valuesSecret, objs.contentConfigMap, objs.serviceAccount, objs.binding]) ensure(cluster, o);
  const ns = chart.metadata.namespace;
  const jobName = objs.job.metadata.name;
  let job = cluster.store.get("batch/jobs", ns, jobName);
  if (job && jobFingerprint(job) !== jobFingerprint(objs.job)) {
    deleteObject(cluster, typeFor(cluster, objs.job), job);
    job = undefined;
  }
  if (!job) {
    job = createObject(cluster, typeFor(cluster, objs.job), objs.job);
    recordEvent(cluster, chart, "Normal", "ApplyJob", `Applying HelmChart using Job ${ns}/${jobName}`, NAME);
  }
  const created: Condition = { type: "JobCreated", status: "True", reason: "Job created", message: `Applying HelmChart using Job ${ns}/${jobName}` };
  if (jobFailed(job)) {
    const was = ((chart.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).some((c) => c.type === "Failed" && c.status === "True");
    if (!was) recordEvent(cluster, chart, "Warning", "JobFailed", "Job has reached configured number of retries without succeeding", NAME);
    return setStatus(cluster, t, chart, jobName, [created, { type: "Failed", status: "True", reason: "Job failed", message: "Job has reached configured number of retries without succeeding" }]);
  }
  setStatus(cluster, t, chart, jobName, [created, { type: "Failed", status: "False" }]);
}

function onRemove(cluster: ClusterState, t: ResourceType, chart: KubeObject): void {
  const conf = configOf(cluster, chart);
  const spec = (isRecord(chart.spec) ? chart.spec : {}) as HelmChartSpec;
  const objs = chartObjects(chart, conf.values, conf.failurePolicy || spec.failurePolicy || "reinstall", true);
  const install = chartObjects(chart, conf.values, "reinstall", false).job;
  removeIfPresent(cluster, install);
  for (const o of [objs.valuesSecret, objs.contentConfigMap, objs.serviceAccount, objs.binding]) ensure(cluster, o);
  let job = getLike(cluster, objs.job);
  if (!job) job = createObject(cluster, typeFor(cluster, objs.job), objs.job);
  const succeeded = Number((job.status as { succeeded?: number } | undefined)?.succeeded ?? 0);
  if (succeeded <= 0) return setStatus(cluster, t, chart, job.metadata.name, ((chart.status as { conditions?: Condition[] } | undefined)?.conditions ?? []));
  recordEvent(cluster, chart, "Normal", "RemoveJob", `Uninstalled HelmChart using Job ${job.metadata.namespace}/${job.metadata.name}, removing resources`, NAME);
  for (const o of [objs.job, objs.valuesSecret, objs.contentConfigMap, objs.serviceAccount, objs.binding]) removeIfPresent(cluster, o);
  const cur = cluster.store.get(t.storage, chart.metadata.namespace, chart.metadata.name);
  if (cur) updateObject(cluster, t, { ...cur, metadata: { ...cur.metadata, finalizers: (cur.metadata.finalizers ?? []).filter((f) => f !== FINALIZER) } });
}

function reconcile(cluster: ClusterState, ns: string, name: string): void {
  const t = chartType(cluster);
  const chart = t ? cluster.store.get(t.storage, ns, name) : undefined;
  if (!t || !chart || !claim(cluster, t, chart)) return;
  if (chart.metadata.deletionTimestamp) onRemove(cluster, t, chart);
  else onChange(cluster, t, chart);
}

/** Starts the helm-controller of a cluster and the klipper-helm program its Jobs run. */
export function startHelmController(cluster: ClusterState): void {
  const enqueue = (ns: string | undefined, name: string | undefined): void => {
    if (!ns || !name) return;
    cluster.enqueue(`helmchart/${ns}/${name}`, () => reconcile(cluster, ns, name));
  };
  cluster.store.subscribe(CHARTS, (ev) => {
    if (ev.type !== "DELETED") enqueue(ev.object.metadata.namespace, ev.object.metadata.name);
  });
  cluster.store.subscribe(CONFIGS, (ev) => enqueue(ev.object.metadata.namespace, ev.object.metadata.name));
  cluster.store.subscribe("batch/jobs", (ev) => {
    const chart = ev.object.metadata.labels?.[CHART_LABEL];
    if (chart) enqueue(ev.object.metadata.namespace, chart);
  });
  startKlipperHelm(cluster);
}
