import YAML from "yaml";
import { ApiError } from "../api/status";
import type { ClusterState } from "../cluster/cluster-state";
import { createObject, deleteObject, updateObject } from "../cluster/object-writes";
import { registerContainerProgram } from "../kubelet/container-programs";
import type { Behavior } from "../kubelet/pod-status";
import type { Container, KubeObject, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { renderChart, type RenderedChart } from "./helm-chart-catalog";
import { deleteReleases, listReleases, newRelease, setReleaseStatus, storeRelease } from "./helm-release";
import { typeOf } from "./workload-pods";

// The simulated rancher/klipper-helm image: the container of a helm-install-/helm-delete-
// Job. Like the real entrypoint it reads NAME, CHART, VERSION, TARGET_NAMESPACE and
// FAILURE_POLICY from its env, `install`/`delete` and --set flags from its args and the
// values files from the chart-values Secret mounted at /config; then it runs helm
// install, upgrade or uninstall against the cluster and exits 0, or 1 with helm's error.

class HelmError extends Error {}

function envOf(c: Container): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of c.env ?? []) if (e.value !== undefined) out[e.name] = e.value;
  return out;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isRecord(prev) && isRecord(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function setPath(values: Record<string, unknown>, path: string, v: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  if (!head) return values;
  if (rest.length === 0) return { ...values, [head]: v };
  const inner = isRecord(values[head]) ? values[head] : {};
  return { ...values, [head]: setPath(inner, rest.join("."), v) };
}

/** Values as helm computes them: values files in name order, then --set/--set-string. */
function valuesOf(cluster: ClusterState, pod: Pod, c: Container): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  const vol = (pod.spec.volumes ?? []).find((v) => v.name === "values");
  const secret = vol?.secret ? cluster.store.get("/secrets", pod.metadata.namespace, vol.secret.secretName) : undefined;
  const data = (secret?.data ?? {}) as Record<string, string>;
  for (const key of Object.keys(data).filter((k) => k.endsWith(".yaml")).sort()) {
    let parsed: unknown;
    try {
      parsed = YAML.parse(Buffer.from(data[key] ?? "", "base64").toString());
    } catch (err) {
      throw new HelmError(`failed to parse /config/${key}: ${(err as Error).message}`);
    }
    if (isRecord(parsed)) values = deepMerge(values, parsed);
  }
  const args = c.args ?? [];
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] !== "--set" && args[i] !== "--set-string") continue;
    const [k, ...v] = (args[i + 1] ?? "").split("=");
    const raw = v.join("=");
    const typed = args[i] === "--set" ? (/^-?\d+$/.test(raw) ? Number(raw) : raw === "true" ? true : raw === "false" ? false : raw === "null" ? null : raw) : raw.replace(/\\,/g, ",");
    if (k) values = setPath(values, k, typed);
  }
  return values;
}

function manifestOf(chart: string, objects: KubeObject[]): string {
  return objects.map((o) => `---\n# Source: ${chart}/templates/${o.kind.toLowerCase()}.yaml\n${YAML.stringify(o)}`).join("");
}

function objectsOfManifest(manifest: string): KubeObject[] {
  return YAML.parseAllDocuments(manifest).map((d) => d.toJSON() as unknown).filter((o): o is KubeObject => isRecord(o) && isRecord(o.metadata));
}

function storageGet(cluster: ClusterState, o: KubeObject): KubeObject | undefined {
  return cluster.store.get(typeOf(cluster, o.apiVersion, o.kind).storage, o.metadata.namespace, o.metadata.name);
}

function checkOwnership(cluster: ClusterState, objects: KubeObject[], release: string, ns: string): void {
  for (const o of objects) {
    const cur = storageGet(cluster, o);
    if (!cur) continue;
    const owner = cur.metadata.annotations?.["meta.helm.sh/release-name"];
    if (owner === release && cur.metadata.annotations?.["meta.helm.sh/release-namespace"] === ns) continue;
    const why = owner === undefined ? `missing key "meta.helm.sh/release-name": must be set to "${release}"` : `key "meta.helm.sh/release-name" must equal "${release}": current value is "${owner}"`;
    throw new HelmError(`Unable to continue with install: ${o.kind} "${o.metadata.name}" in namespace "${ns}" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: ${why}`);
  }
}

/** Creates or replaces the rendered objects, then deletes what the previous manifest had and this one lacks. */
function applyObjects(cluster: ClusterState, objects: KubeObject[], previous: KubeObject[]): void {
  const key = (o: KubeObject): string => `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  for (const o of objects) {
    const t = typeOf(cluster, o.apiVersion, o.kind);
    const cur = storageGet(cluster, o);
    if (!cur) createObject(cluster, t, o);
    else updateObject(cluster, t, { ...o, metadata: { ...cur.metadata, labels: o.metadata.labels, annotations: o.metadata.annotations }, ...("status" in cur ? { status: cur.status } : {}) });
  }
  const keep = new Set(objects.map(key));
  for (const o of previous) {
    if (keep.has(key(o))) continue;
    const cur = storageGet(cluster, o);
    if (cur) deleteObject(cluster, typeOf(cluster, o.apiVersion, o.kind), cur);
  }
}

function uninstall(cluster: ClusterState, name: string, ns: string): void {
  const revs = listReleases(cluster, ns, name);
  const last = revs.at(-1);
  if (!last) return;
  const objects = revs.flatMap((r) => objectsOfManifest(r.release.manifest));
  applyObjects(cluster, [], objects);
  const { chart, config } = last.release;
  renderChart(cluster, { release: name, namespace: ns, chart: chart.metadata.name, version: chart.metadata.version, values: config }).activate?.(cluster, false);
  deleteReleases(cluster, ns, name);
}

function install(cluster: ClusterState, pod: Pod, c: Container, env: Record<string, string>): void {
  const name = env.NAME ?? "";
  const ns = env.TARGET_NAMESPACE || pod.metadata.namespace || "default";
  const values = valuesOf(cluster, pod, c);
  let revs = listReleases(cluster, ns, name);
  const failed = revs.at(-1)?.release.info.status === "failed";
  if (failed && env.FAILURE_POLICY === "abort") throw new HelmError(`release ${name} is in a failed state and the failure policy is abort`);
  if (failed) {
    uninstall(cluster, name, ns);
    revs = [];
  }
  const last = revs.at(-1);
  const upgrading = last?.release.info.status === "deployed";
  if (!cluster.store.get("/namespaces", undefined, ns)) {
    if (!(c.args ?? []).includes("--create-namespace")) throw new HelmError(`${upgrading ? "UPGRADE" : "INSTALLATION"} FAILED: create: failed to create: namespaces "${ns}" not found`);
    createObject(cluster, typeOf(cluster, "v1", "Namespace"), { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } as unknown as KubeObject["metadata"] });
  }
  const rendered: RenderedChart = renderChart(cluster, { release: name, namespace: ns, chart: env.CHART || name, version: env.VERSION ?? "", values });
  const version = (last?.release.version ?? 0) + 1;
  const base = { name, namespace: ns, version, chart: rendered.chart, config: values, manifest: manifestOf(rendered.chart.name, rendered.objects), firstDeployed: upgrading ? last.release.info.first_deployed : undefined };
  if (rendered.error) {
    storeRelease(cluster, newRelease(cluster, { ...base, status: "failed", description: `Release "${name}" failed: ${rendered.error}` }));
    throw new HelmError(`${upgrading ? "UPGRADE" : "INSTALLATION"} FAILED: ${rendered.error}`);
  }
  checkOwnership(cluster, rendered.objects, name, ns);
  applyObjects(cluster, rendered.objects, upgrading ? objectsOfManifest(last.release.manifest) : []);
  rendered.activate?.(cluster, true);
  storeRelease(cluster, newRelease(cluster, { ...base, status: "deployed", description: upgrading ? "Upgrade complete" : "Install complete" }));
  for (const r of revs) if (r.release.info.status === "deployed") setReleaseStatus(cluster, r, "superseded");
}

/** The klipper-helm program: effects happen as the container starts; failure = exit 1. */
function klipperHelm(cluster: ClusterState, pod: Pod, c: Container): Behavior | undefined {
  if (!/(^|\/)klipper-helm(:|@|$)/.test(c.image) || !pod.metadata.ownerReferences?.some((r) => r.kind === "Job")) return undefined;
  const env = envOf(c);
  if (!env.NAME) return "complete";
  try {
    if ((c.args ?? [])[0] === "delete") uninstall(cluster, env.NAME, env.TARGET_NAMESPACE || pod.metadata.namespace || "default");
    else install(cluster, pod, c, env);
    return "complete";
  } catch (err) {
    if (!(err instanceof HelmError) && !(err instanceof ApiError)) console.error(`sim ${cluster.name}: klipper-helm ${env.NAME}:`, err);
    return "error";
  }
}

/** Lets the cluster's kubelet run klipper-helm containers. */
export function startKlipperHelm(cluster: ClusterState): void {
  registerContainerProgram(cluster, klipperHelm);
}
