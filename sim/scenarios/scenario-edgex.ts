import type { ClusterState } from "../cluster/cluster-state";
import { createEdgexDeployment } from "../edgex";
import { ensureNamespace, put } from "./scenario-helpers";

/** edgex: namespace edgex, a Deployment/Service per EdgeX service, proxied to sim/edgex handlers. */
export async function scenarioEdgex(cluster: ClusterState, release: "3.1" | "4.0" = "3.1"): Promise<void> {
  const dep = createEdgexDeployment({ release, seed: cluster.rt.seed + cluster.index });
  cluster.edgex = dep;
  cluster.stopHooks.push(() => dep.stop());
  if (cluster.faults.edgex) dep.setFaults(cluster.faults.edgex);
  ensureNamespace(cluster, "edgex");
  const tag = release === "4.0" ? "4.0.2" : "3.1.1";
  for (const s of dep.services) {
    const labels: Record<string, string> = { "org.edgexfoundry.service": s.name, ...s.labels };
    const selector = { "org.edgexfoundry.service": labels["org.edgexfoundry.service"] ?? s.name };
    const image = s.name === "edgex-ui" ? `edgexfoundry/edgex-ui:${tag}` : `edgexfoundry/${s.name.replace(/^edgex-/, "")}:${tag}`;
    put(cluster, "apps/v1", "Deployment", { name: s.name, namespace: s.namespace, labels }, {
      spec: { replicas: 1, selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: s.name, image, ports: [{ containerPort: s.port, protocol: "TCP" }], env: [{ name: "EDGEX_SECURITY_SECRET_STORE", value: "false" }] }] } } },
    });
    put(cluster, "v1", "Service", { name: s.name, namespace: s.namespace, labels }, { spec: { selector, ports: [{ name: `http-${s.port}`, port: s.port, protocol: "TCP", targetPort: s.port }] } });
    cluster.services.set(`${s.namespace}/${s.name}:${s.port}`, s);
  }
}
