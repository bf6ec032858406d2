import { gunzipSync, gzipSync } from "node:zlib";
import type { ClusterState } from "../cluster/cluster-state";
import { createObject, removeObject } from "../cluster/object-writes";
import type { KubeObject } from "../store/kube-types";
import { typeOf } from "./workload-pods";

// Helm 3's Secret storage driver, so real `helm list`/`helm history` read what the
// simulated klipper-helm job wrote: Secret `sh.helm.release.v1.<name>.v<n>` of type
// helm.sh/release.v1, labels name/owner/status/version, and data.release = base64 of the
// gzipped release JSON (the apiserver base64-encodes it once more as Secret data).

export type ReleaseStatus = "deployed" | "superseded" | "failed" | "uninstalling" | "pending-install" | "pending-upgrade";

/** The parts of helm's release record the simulator writes and reads. */
export interface HelmRelease {
  name: string;
  namespace: string;
  version: number;
  info: { first_deployed: string; last_deployed: string; deleted: string; description: string; status: ReleaseStatus; notes?: string };
  chart: { metadata: { name: string; version: string; appVersion: string; apiVersion: "v2"; description: string; type: "application" }; lock: null; templates: []; values: Record<string, unknown>; schema: null; files: [] };
  config: Record<string, unknown>;
  manifest: string;
}

const SECRETS = "/secrets";

/** Name of a release revision's Secret. */
export function releaseSecretName(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

function encode(r: HelmRelease): string {
  return Buffer.from(Buffer.from(gzipSync(JSON.stringify(r))).toString("base64")).toString("base64");
}

/** Decodes a release Secret (undefined when it is not one). */
export function decodeRelease(s: KubeObject): HelmRelease | undefined {
  const data = (s.data ?? {}) as Record<string, string>;
  if (s.type !== "helm.sh/release.v1" || !data.release) return undefined;
  try {
    const inner = Buffer.from(Buffer.from(data.release, "base64").toString(), "base64");
    const json = inner[0] === 0x1f && inner[1] === 0x8b ? gunzipSync(inner).toString() : inner.toString();
    return JSON.parse(json) as HelmRelease;
  } catch {
    return undefined;
  }
}

/** All revisions of a release in a namespace, oldest first. */
export function listReleases(cluster: ClusterState, namespace: string, name: string): { secret: KubeObject; release: HelmRelease }[] {
  const out: { secret: KubeObject; release: HelmRelease }[] = [];
  for (const s of cluster.store.list(SECRETS, namespace)) {
    const l = s.metadata.labels ?? {};
    if (l.owner !== "helm" || l.name !== name) continue;
    const release = decodeRelease(s);
    if (release) out.push({ secret: s, release });
  }
  return out.sort((a, b) => a.release.version - b.release.version);
}

function secretBody(r: HelmRelease, createdAt: string, modifiedAt?: string): KubeObject {
  const labels: Record<string, string> = { createdAt, name: r.name, owner: "helm", status: r.info.status, version: String(r.version) };
  if (modifiedAt) labels.modifiedAt = modifiedAt;
  return { apiVersion: "v1", kind: "Secret", metadata: { name: releaseSecretName(r.name, r.version), namespace: r.namespace, labels } as unknown as KubeObject["metadata"], type: "helm.sh/release.v1", data: { release: encode(r) } };
}

/** Writes a new revision (creating its Secret). */
export function storeRelease(cluster: ClusterState, r: HelmRelease): KubeObject {
  return createObject(cluster, typeOf(cluster, "v1", "Secret"), secretBody(r, String(Math.floor(cluster.now() / 1000))));
}

/** Rewrites an existing revision with a new status (helm marks the previous one superseded). */
export function setReleaseStatus(cluster: ClusterState, entry: { secret: KubeObject; release: HelmRelease }, status: ReleaseStatus): void {
  const r = { ...entry.release, info: { ...entry.release.info, status } };
  const body = secretBody(r, entry.secret.metadata.labels?.createdAt ?? "0", String(Math.floor(cluster.now() / 1000)));
  cluster.store.commit(SECRETS, "MODIFIED", { ...entry.secret, metadata: { ...entry.secret.metadata, labels: body.metadata.labels }, data: body.data });
}

/** Deletes every revision of a release (helm uninstall without --keep-history). */
export function deleteReleases(cluster: ClusterState, namespace: string, name: string): void {
  const t = typeOf(cluster, "v1", "Secret");
  for (const { secret } of listReleases(cluster, namespace, name)) removeObject(cluster, t, secret);
}

/** A fresh release record. */
export function newRelease(cluster: ClusterState, o: { name: string; namespace: string; version: number; status: ReleaseStatus; description: string; chart: { name: string; version: string; appVersion: string; description: string }; config: Record<string, unknown>; manifest: string; firstDeployed?: string }): HelmRelease {
  const at = new Date(cluster.now()).toISOString();
  return {
    name: o.name,
    namespace: o.namespace,
    version: o.version,
    info: { first_deployed: o.firstDeployed ?? at, last_deployed: at, deleted: "", description: o.description, status: o.status },
    chart: { metadata: { name: o.chart.name, version: o.chart.version, appVersion: o.chart.appVersion, apiVersion: "v2", description: o.chart.description, type: "application" }, lock: null, templates: [], values: {}, schema: null, files: [] },
    config: o.config,
    manifest: o.manifest,
  };
}
