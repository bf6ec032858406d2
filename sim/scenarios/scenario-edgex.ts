import type { ClusterState } from "../cluster/cluster-state";
import { createEdgexDeployment } from "../edgex";
import type { EdgexDeployment } from "../edgex-contract";
import type { KubeObject, Labels } from "../store/kube-types";
import { ensureNamespace, put } from "./scenario-helpers";

export type EdgexRelease = "3.1" | "4.0";

/** The cluster's in-process EdgeX services (created on first use, stopped with the cluster). */
export function edgexDeploymentOf(cluster: ClusterState, release: EdgexRelease): EdgexDeployment {
  if (cluster.edgex) return cluster.edgex;
  const dep = createEdgexDeployment({ release, seed: cluster.rt.seed + cluster.index });
  cluster.edgex = dep;
  cluster.stopHooks.push(() => dep.stop());
  if (cluster.faults.edgex) dep.setFaults(cluster.faults.edgex);
  return dep;
}

/**
 * A Deployment + Service per EdgeX service in `namespace` (labels incl.
 * `org.edgexfoundry.service`), plus extra labels/annotations (a Helm release's).
 */
export function edgexWorkloads(dep: EdgexDeployment, release: EdgexRelease, namespace: string, extra: { labels?: Labels; annotations?: Labels } = {}): KubeObject[] {
  const tag = release === "4.0" ? "4.0.2" : "3.1.1";
  const out: KubeObject[] = [];
  for (const s of dep.services) {
    const labels: Labels = { "org.edgexfoundry.service": s.name, ...s.labels, ...extra.labels };
    const selector = { "org.edgexfoundry.service": labels["org.edgexfoundry.service"] ?? s.name };
    const image = s.name === "edgex-ui" ? `edgexfoundry/edgex-ui:${tag}` : `edgexfoundry/${s.name.replace(/^edgex-/, "")}:${tag}`;
    const meta = { name: s.name, namespace, labels, ...(extra.annotations ? { annotations: extra.annotations } : {}) } as unknown as KubeObject["metadata"];
    out.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta,
      spec: { replicas: 1, selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: s.name, image, ports: [{ containerPort: s.port, protocol: "TCP" }], env: [{ name: "EDGEX_SECURITY_SECRET_STORE", value: "false" }] }] } } },
    });
    out.push({ apiVersion: "v1", kind: "Service", metadata: meta, spec: { selector, ports: [{ name: `http-${s.port}`, port: s.port, protocol: "TCP", targetPort: s.port }] } });
  }
  return out;
}

/** Puts the EdgeX REST handlers behind the service proxy of `namespace` (or removes them). */
export function routeEdgexServices(cluster: ClusterState, dep: EdgexDeployment, namespace: string, on: boolean): void {
  for (const s of dep.services) {
    const key = `${namespace}/${s.name}:${s.port}`;
    if (on) cluster.services.set(key, s);
    else cluster.services.delete(key);
  }
}

/** edgex: namespace edgex, a Deployment/Service per EdgeX service, proxied to sim/edgex handlers. */
export async function scenarioEdgex(cluster: ClusterState, release: EdgexRelease = "3.1"): Promise<void> {
  const dep = edgexDeploymentOf(cluster, release);
  ensureNamespace(cluster, "edgex");
  for (const o of edgexWorkloads(dep, release, "edgex")) {
    const { apiVersion, kind, metadata, ...body } = o;
    put(cluster, apiVersion, kind, metadata as { name: string; namespace?: string; labels?: Labels; annotations?: Labels }, body);
  }
  routeEdgexServices(cluster, dep, "edgex", true);
  await Promise.resolve();
}
