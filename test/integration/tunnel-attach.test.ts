import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTunnelKubeConfig } from "@/lib/tunnel/kubeconfig";
import { dialCluster, isClusterConnected } from "@/lib/server/tunnel/tunnel-registry";
import * as k8s from "@kubernetes/client-node";
import { startSimulator, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";

describe("a simulated cluster attached through a real tunnel and the agent's proxy", () => {
  let sim: Simulator;
  let attached: AttachedCluster;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: 1, scenarios: ["k3s"], port: 0 });
    const cluster = sim.clusters[0]!;
    attached = await attachSimCluster("c1", { server: cluster.server, caPem: cluster.caPem, token: cluster.token });
  });
  afterAll(async () => {
    await attached?.detach();
    await sim?.stop();
  });

  it("lists the same nodes through the tunnel as directly", async () => {
    expect(isClusterConnected("c1")).toBe(true);
    const core = createTunnelKubeConfig(() => dialCluster("c1")).makeApiClient(k8s.CoreV1Api);
    const viaTunnel = await core.listNode();
    const direct = new k8s.KubeConfig();
    const cluster = sim.clusters[0]!;
    direct.loadFromOptions({
      clusters: [{ name: "sim", server: cluster.server, caData: Buffer.from(cluster.caPem).toString("base64") }],
      users: [{ name: "sim", token: cluster.token }],
      contexts: [{ name: "sim", cluster: "sim", user: "sim" }],
      currentContext: "sim",
    });
    const directNodes = await direct.makeApiClient(k8s.CoreV1Api).listNode();
    expect(viaTunnel.items.map((n) => n.metadata?.name).sort()).toEqual(directNodes.items.map((n) => n.metadata?.name).sort());
    expect(viaTunnel.items.length).toBeGreaterThan(0);
  });
});
