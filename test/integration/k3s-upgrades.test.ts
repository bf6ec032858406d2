// k3s upgrades as a flow (issue 20): an upgrade is a bundle of kind k3s-upgrade whose
// revision is system-upgrade-controller plus its Plans, rolled out in health-gated waves by
// the bundle driver through real tunnels and the agent's real proxy. The strict
// simulator's controller runs the Plans (servers one at a time, per-node Jobs, kubelet
// versions, /version moving with the servers). A node that fails its upgrade pauses the waves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "@/sim";
import type { KubeObject } from "@/sim/store/kube-types";
import { startBundleDriver } from "@/lib/server/bundles/bundle-driver";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { createK3sUpgrade } from "@/lib/server/upgrades/create-k3s-upgrade";
import { listK3sVersions } from "@/lib/server/upgrades/list-k3s-versions";
import { getClusterLifecycle } from "@/lib/server/upgrades/get-cluster-lifecycle";
import { applyAgentReport } from "@/lib/server/clusters/apply-agent-report";
import { ApiError } from "@/lib/server/http/api-error";
import { ALL_CLUSTERS } from "@/lib/server/access/cluster-scope";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { until } from "./fleet-helpers";

const FROM = "v1.30.6+k3s1";
const TO = "v1.31.4+k3s1";
const actor = { id: null, name: "ada" };
const SPECS = [
  { name: "up-a1", scenarios: ["k3s"], fleet: "a" },
  { name: "up-a2", scenarios: ["k3s"], fleet: "a" },
  { name: "up-ha", scenarios: ["k3s-ha"], fleet: "a" },
  { name: "up-b1", scenarios: ["k3s"], fleet: "b" },
  { name: "up-b2", scenarios: ["k3s"], fleet: "b" },
] as const;

describe("k3s upgrades through system-upgrade-controller Plans, in waves", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let stopDriver: () => Promise<void>;
  const attached: AttachedCluster[] = [];
  const nodesOf = (i: number): KubeObject[] => sim.clusters[i]!.state.store.list("/nodes");
  const kubelet = (n: KubeObject) => (n.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion;

  beforeAll(async () => {
    sim = await startSimulator({ clusters: SPECS.map((s) => ({ name: s.name, scenarios: [...s.scenarios], version: FROM })), port: 0, podStartMs: 30 });
    for (const [i, c] of sim.clusters.entries()) {
      const spec = SPECS[i]!;
      await prisma.cluster.create({ data: { id: spec.name, name: spec.name, displayName: spec.name, labels: { fleet: spec.fleet }, state: "active", kubernetesVersion: FROM, lastSeenAt: new Date() } });
      attached.push(await attachSimCluster(spec.name, { server: c.server, caPem: c.caPem, token: c.token }));
    }
    stopDriver = startBundleDriver({ intervalMs: 250 });
  });
  afterAll(async () => {
    await stopDriver?.();
    for (const a of attached) await a.detach();
    await sim?.stop();
  });

  it("refuses a skipped minor version and a downgrade, naming the clusters", async () => {
    for (const [version, why] of [["v1.32.1+k3s1", /up-a1 \(v1\.30\.6\+k3s1\): it would skip a minor version/], ["v1.29.9+k3s1", /it runs a newer version/]] as const) {
      const error = await createK3sUpgrade({ targets: { clusterSelector: "fleet=a" }, version, agentConcurrency: 1 }, actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(422);
      expect((error as ApiError).message).toMatch(why);
    }
    expect(await prisma.bundle.count()).toBe(0);
    const spread = await listK3sVersions(ALL_CLUSTERS);
    expect(spread.versions).toEqual([{ version: FROM, clusters: 5 }]);
  });

  it("upgrades three clusters (one HA with 3 servers) wave by wave until every node and /version report the new version", async () => {
    const { bundle } = await createK3sUpgrade({ targets: { clusterSelector: "fleet=a" }, version: TO, agentConcurrency: 2, rollout: { firstWave: { count: 1 }, batchPercent: 100, soakSeconds: 0, maxFailed: 1 } }, actor);
    expect(bundle.waves).toBe(2);
    const done = await until(async () => {
      const b = await getBundle(bundle.id);
      return b.status === "completed" && b.counts.Ready === 3 ? b : null;
    }, 120_000, "the upgrade completed on three clusters");
    expect(done.clusters.find((c) => c.wave === 0)?.clusterId).toBe("up-a1");
    const rows = await prisma.bundleDeployment.findMany({ where: { bundleId: bundle.id } });
    const canary = rows.find((r) => r.wave === 0)!;
    for (const r of rows.filter((r) => r.wave === 1)) expect(r.appliedAt!.getTime()).toBeGreaterThanOrEqual(canary.stateSince.getTime());
    for (const i of [0, 1, 2]) {
      const nodes = nodesOf(i);
      expect(nodes.length).toBeGreaterThanOrEqual(3);
      expect(nodes.map(kubelet)).toEqual(nodes.map(() => TO));
      expect(nodes.every((n) => !(n.spec as { unschedulable?: boolean }).unschedulable)).toBe(true);
      // /version through the console's own path to the cluster (tunnel, agent proxy).
      expect((await kubeJson<{ gitVersion: string }>(SPECS[i]!.name, null, { path: "/version" })).gitVersion).toBe(TO);
    }
    expect(nodesOf(2).filter((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] === "true")).toHaveLength(3);
    // The other fleet was not touched.
    expect(nodesOf(3).map(kubelet).every((v) => v === FROM)).toBe(true);
  });

  it("shows each cluster's lifecycle: version history from its agent's reports, the last upgrade, an agent update", async () => {
    await applyAgentReport("up-a1", { agentVersion: "0.0.1", kubernetesVersion: FROM });
    await applyAgentReport("up-a1", { agentVersion: "0.0.1", kubernetesVersion: TO });
    const glance = await getClusterLifecycle("up-a1");
    expect(glance.history.map((h) => `${h.component}:${h.from ?? "-"}>${h.to}`)).toEqual([`k3s:${FROM}>${TO}`, "agent:->0.0.1"]);
    expect(glance.lastUpgrade).toMatchObject({ version: TO, state: "Ready" });
    expect(glance).toMatchObject({ kubernetesVersion: TO, agentVersion: "0.0.1", agentUpdateAvailable: true, registration: null });
    const spread = await listK3sVersions(ALL_CLUSTERS);
    expect(spread.newest).toBe(TO);
    expect(spread.lagging.map((l) => l.clusterId).sort()).toEqual(["up-a2", "up-b1", "up-b2", "up-ha"]);
  });

  it("a node that fails its upgrade fails its cluster and pauses the waves; the next wave is never released", async () => {
    const failing = nodesOf(3).find((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] === undefined)!.metadata.name;
    sim.clusters[3]!.setFaults({ upgradeFailNodes: [failing] });
    try {
      const { bundle } = await createK3sUpgrade({ targets: { clusterSelector: "fleet=b" }, version: TO, agentConcurrency: 1, rollout: { firstWave: { count: 1 }, batchPercent: 100, soakSeconds: 0, maxFailed: 1 } }, actor);
      const paused = await until(async () => {
        const b = await getBundle(bundle.id);
        return b.status === "paused" ? b : null;
      }, 90_000, "the upgrade paused");
      const canary = paused.clusters.find((c) => c.clusterId === "up-b1")!;
      expect(canary.state).toBe("Failed");
      expect(canary.message).toMatch(new RegExp(`failed on Node ${failing}: BackoffLimitExceeded`));
      expect(paused.clusters.find((c) => c.clusterId === "up-b2")!.state).toBe("Waiting");
      expect(nodesOf(4).map(kubelet).every((v) => v === FROM)).toBe(true);
      const stuck = nodesOf(3).find((n) => n.metadata.name === failing)!;
      expect(kubelet(stuck)).toBe(FROM);
      expect((stuck.spec as { unschedulable?: boolean }).unschedulable).toBe(true);
    } finally {
      sim.clusters[3]!.setFaults({});
    }
  });
});
