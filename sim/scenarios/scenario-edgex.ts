import path from "node:path";
import type { ClusterState } from "../cluster/cluster-state";
import type { EdgexDeployment, SimService } from "../edgex-contract";
import { ensureNamespace, put } from "./scenario-helpers";

type CreateEdgex = (opts: { release: "3.1" | "4.0"; seed: number; now?: () => number }) => EdgexDeployment;

/** Loads sim/edgex (another module) at run time; a ping-only stand-in if it is absent. */
async function loadEdgex(): Promise<CreateEdgex> {
  const spec = path.join(__dirname, "..", "edgex", "index");
  try {
    const mod = (await import(spec)) as { createEdgexDeployment?: CreateEdgex };
    if (mod.createEdgexDeployment) return mod.createEdgexDeployment;
  } catch {
    // sim/edgex not present yet: fall through to the stand-in
  }
  return () => ({ services: standInServices(), setFaults: () => undefined, stop: () => undefined });
}

const STAND_IN: [string, number][] = [["edgex-core-data", 59880], ["edgex-core-metadata", 59881], ["edgex-core-command", 59882], ["edgex-support-notifications", 59860], ["edgex-support-scheduler", 59861], ["edgex-device-virtual", 59900], ["edgex-device-rest", 59986], ["edgex-ui", 4000]];

function standInServices(): SimService[] {
  return STAND_IN.map(([name, port]) => ({
    namespace: "edgex",
    name,
    port,
    labels: { "org.edgexfoundry.service": name },
    handle: (req) => Promise.resolve(req.path === "/api/v3/ping"
      ? { status: 200, body: JSON.stringify({ apiVersion: "v3", timestamp: new Date().toUTCString(), serviceName: name }) }
      : { status: 404, body: JSON.stringify({ apiVersion: "v3", message: "not simulated", statusCode: 404 }) }),
  }));
}

/** edgex: namespace edgex, a Deployment/Service per EdgeX service, proxied to sim/edgex handlers. */
export async function scenarioEdgex(cluster: ClusterState, release: "3.1" | "4.0" = "3.1"): Promise<void> {
  const create = await loadEdgex();
  const dep = create({ release, seed: cluster.rt.seed + cluster.index });
  cluster.edgex = dep;
  cluster.stopHooks.push(() => dep.stop());
  if (cluster.faults.edgex) dep.setFaults(cluster.faults.edgex);
  ensureNamespace(cluster, "edgex");
  const tag = release === "4.0" ? "4.0.0" : "3.1.1";
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
