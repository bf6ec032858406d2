// Health summaries pushed by the agent (docs/TUNNEL.md "Health summaries"): the real agent
// watches its simulated cluster and sends the console a full summary, then only changes,
// sequenced and acknowledged; the collector stores them as snapshots without a watch of its
// own, and still collects an older agent the way it always did. Protocol 4: StatefulSets,
// DaemonSets and EdgeX come from the agent too, and an agent whose watches fail says so.
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { clusterRuntime } from "@/lib/server/clusters/cluster-runtime-state";
import { runStatePass, startClusterStateMonitor } from "@/lib/server/clusters/cluster-state-monitor";
import { prisma } from "@/lib/server/db/prisma";
import { getEdgexFleetSummary } from "@/lib/server/edgex/get-edgex-fleet-summary";
import { registerEdgexSummarySource } from "@/lib/server/fleet/edgex-summary-source";
import { FleetCollector } from "@/lib/server/fleet/fleet-collector";
import { listFleetClusters } from "@/lib/server/fleet/list-fleet-clusters";
import { applyHealthMessage, pushedHealthCounters, pushedHealthOf } from "@/lib/server/fleet/pushed-health";
import { searchFleet } from "@/lib/server/fleet/search-fleet";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { registerUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { startSimulator, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { startFreezableProxy, type FreezableProxy } from "../helpers/freezable-proxy";
import { runTestAgent, type TestAgent } from "../helpers/run-test-agent";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";
import { ZFleetClustersQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";
import { directCounts, directKubeConfig, snapshotCounts, TEST_FLEET_CONFIG, until } from "./fleet-helpers";

describe("health summaries pushed by the agent", () => {
  let sim: Simulator;
  let served: ServedRoutes;
  let proxy: FreezableProxy;
  let agent: TestAgent;
  let old: AttachedCluster | undefined;
  let id: string;
  let flusher: NodeJS.Timeout;
  const monitor = startClusterStateMonitor();
  const gateway = createTunnelGateway((clusterId) => monitor.check(clusterId));
  const collector = new FleetCollector(TEST_FLEET_CONFIG);

  beforeAll(async () => {
    registerUpgradeHandler("/v3/connect", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    sim = await startSimulator({ clusters: [{ name: "sim-01", scenarios: ["k3s", "edgex"] }, { name: "sim-02", scenarios: ["k3s"] }], port: 0, podStartMs: 50, crashLoopBaseMs: 300 });
    served = await serveRoutes();
    proxy = await startFreezableProxy(Number(new URL(served.url).port));
    const cluster = await createCluster({ name: "pushing-health", labels: {} }, SYSTEM_ACTOR);
    id = cluster.id;
    const token = /import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1]!;
    const c = sim.clusters[0]!;
    agent = await runTestAgent({
      consoleUrl: proxy.url.replace("http://127.0.0.1", "https://localhost"),
      caChecksum: getRuntimeContext().caChecksum,
      token,
      clusterId: id,
      sim: { server: c.server, caPem: c.caPem, token: c.token },
      timings: { infoIntervalMs: 600_000, healthMinIntervalMs: 1_000, edgexIntervalMs: 2_000 },
    });
    // As start-fleet-collector does: pushed summaries are written every second.
    flusher = setInterval(() => void collector.flushPushed().catch(() => undefined), 500);
  });
  afterAll(async () => {
    clearInterval(flusher);
    await collector.stop();
    await agent?.stop();
    await old?.detach();
    await monitor.stop();
    await gateway.close();
    await proxy?.close();
    await served?.close();
    await sim?.stop();
  });

  it("stores the agent's full summary as the cluster's snapshot; the collector opens no watch", async () => {
    await until(async () => (await prisma.cluster.findUniqueOrThrow({ where: { id } })).state === "active", 20_000, "Active");
    expect(clusterRuntime(id).pushesHealth).toBe(true);
    await until(async () => pushedHealthOf(id), 20_000, "the first summary");
    const stats = await collector.runPass();
    expect(collector.sources.size).toBe(0);
    expect(stats.fresh).toBe(1);
    const c = sim.clusters[0]!;
    const match = await until(async () => {
      const [expected, actual] = [await directCounts(c), await snapshotCounts(id)];
      return JSON.stringify(expected) === JSON.stringify(actual) ? actual : null;
    }, 15_000, "the snapshot to match the cluster");
    expect(match.nodesTotal).toBeGreaterThanOrEqual(1);
    const snapshot = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: id } });
    expect(snapshot.kubernetesVersion).toMatch(/^v1\.\d+\.\d+\+k3s/);
    // Search reads the same data: the agent's objects are indexed.
    await until(async () => (await searchFleet({ q: "coredns", kind: "deployment", limit: 10 })).items.some((h) => h.clusterName === "pushing-health"), 10_000, "search rows");
    // So does the inventory: one row per node with the hardware the agent read.
    const nodes = await until(async () => {
      const rows = await prisma.fleetNode.findMany({ where: { clusterId: id } });
      return rows.length === match.nodesTotal ? rows : null;
    }, 10_000, "inventory rows");
    expect(nodes.every((n) => n.kubeletVersion.startsWith("v1."))).toBe(true);
    expect(pushedHealthCounters(id)).toMatchObject({ duplicates: 0, resyncs: 0, invalid: 0 });
  });

  it("protocol 4: StatefulSets, DaemonSets and EdgeX come from the agent; the console reads no EdgeX of the cluster", async () => {
    expect(clusterRuntime(id).pushesEdgex).toBe(true);
    const c = sim.clusters[0]!;
    const apps = directKubeConfig(c).makeApiClient(k8s.AppsV1Api);
    // One StatefulSet whose image cannot be pulled: total and unavailable both move.
    await apps.createNamespacedStatefulSet({
      namespace: "default",
      body: { metadata: { name: "store" }, spec: { serviceName: "store", replicas: 2, selector: { matchLabels: { app: "store" } }, template: { metadata: { labels: { app: "store" } }, spec: { containers: [{ name: "db", image: "example/store:missing" }] } } } },
    });
    const direct = async () => {
      const [sets, daemons] = await Promise.all([apps.listStatefulSetForAllNamespaces(), apps.listDaemonSetForAllNamespaces()]);
      return {
        statefulSetsTotal: sets.items.length,
        statefulSetsUnavailable: sets.items.filter((x) => (x.status?.readyReplicas ?? 0) < (x.spec?.replicas ?? 1)).length,
        daemonSetsTotal: daemons.items.length,
        daemonSetsUnavailable: daemons.items.filter((x) => (x.status?.numberAvailable ?? 0) < (x.status?.desiredNumberScheduled ?? 0)).length,
      };
    };
    const workloads = await until(async () => {
      const s = await prisma.fleetSnapshot.findUnique({ where: { clusterId: id } });
      const expected = await direct();
      const actual = s && { statefulSetsTotal: s.statefulSetsTotal, statefulSetsUnavailable: s.statefulSetsUnavailable, daemonSetsTotal: s.daemonSetsTotal, daemonSetsUnavailable: s.daemonSetsUnavailable };
      return JSON.stringify(actual) === JSON.stringify(expected) ? { s: s!, expected } : null;
    }, 15_000, "StatefulSets and DaemonSets in the snapshot to match the cluster");
    expect(workloads.expected.statefulSetsTotal).toBeGreaterThanOrEqual(1);
    expect(workloads.expected.statefulSetsUnavailable).toBeGreaterThanOrEqual(1);
    expect(workloads.expected.daemonSetsTotal).toBeGreaterThanOrEqual(1); // k3s's svclb
    expect((workloads.s.details as { unavailableStatefulSets?: string[] }).unavailableStatefulSets).toContain("default/store");

    // EdgeX: the agent's numbers are the ones the console reads itself through the tunnel.
    const consoleRead = await getEdgexFleetSummary(id);
    expect(consoleRead?.servicesTotal).toBeGreaterThan(3);
    await until(async () => {
      const s = await prisma.fleetSnapshot.findUnique({ where: { clusterId: id } });
      return s?.edgexServicesTotal === consoleRead!.servicesTotal && s.edgexServicesUp === consoleRead!.servicesUp && s.edgexDevicesTotal === consoleRead!.devicesTotal;
    }, 15_000, "the agent's EdgeX summary in the snapshot");
    // The collector asks no EdgeX source for a protocol-4 cluster.
    const asked: string[] = [];
    registerEdgexSummarySource(async (clusterId) => (asked.push(clusterId), null));
    try {
      await collector.runPass();
    } finally {
      registerEdgexSummarySource(undefined);
    }
    expect(asked).not.toContain(id);
    // A service going down reaches the snapshot from the agent's own probes.
    c.setFaults({ edgex: { down: ["edgex-core-command"] } });
    try {
      const down = await until(async () => {
        const s = await prisma.fleetSnapshot.findUnique({ where: { clusterId: id } });
        return s && (s.details as { edgexServicesDown?: string[] }).edgexServicesDown?.includes("edgex-core-command") ? s : null;
      }, 15_000, "core-command down in the snapshot");
      expect(down.edgexServicesUp).toBe(consoleRead!.servicesUp - 1);
    } finally {
      c.setFaults({});
    }
    await until(async () => (await prisma.fleetSnapshot.findUnique({ where: { clusterId: id } }))?.edgexServicesUp === consoleRead!.servicesUp, 15_000, "core-command up again");
    expect(pushedHealthCounters(id).invalid).toBe(0);
  });

  it("an agent whose watches fail says its caches are not current: the cluster stays Active, its snapshot is stale with the reason, then fresh again", async () => {
    const c = sim.clusters[0]!;
    const row = async () => (await listFleetClusters(ZFleetClustersQuerySchema.parse({ q: "pushing-health" }), TEST_FLEET_CONFIG.intervalMs)).items.find((r) => r.id === id);
    await collector.runPass();
    expect((await row())?.snapshot?.fresh).toBe(true);
    // Every watch is cut and every list or watch answered 500; /readyz still answers.
    c.setFaults({ errorRate: 1, errorCodes: [500], dropWatchesAfterMs: 1 });
    try {
      const stale = await until(async () => {
        const r = await row();
        return r?.snapshot && !r.snapshot.fresh && r.snapshot.error?.includes("not current") ? r : null;
      }, 15_000, "the snapshot stale with the agent's reason");
      expect(stale.snapshot!.error).toMatch(/not current: .*pods.*: .+/);
      expect(stale.state).toBe("active");
      expect((await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: id } })).notCurrentSince).toBeInstanceOf(Date);
      // The fleet counts it as stale, and it is among the clusters needing attention.
      const problems = await listFleetClusters(ZFleetClustersQuerySchema.parse({ problems: "1" }), TEST_FLEET_CONFIG.intervalMs);
      expect(problems.items.map((r) => r.id)).toContain(id);
      // A pass of the collector does not make it fresh either.
      await collector.runPass();
      expect((await row())?.snapshot?.fresh).toBe(false);
    } finally {
      c.setFaults({});
    }
    const back = await until(async () => {
      await collector.runPass();
      const r = await row();
      return r?.snapshot?.fresh && r.snapshot.error === null ? r : null;
    }, 30_000, "the snapshot fresh again");
    expect(back.state).toBe("active");
    expect((await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: id } })).notCurrentSince).toBeNull();
  });

  it("a crash loop shows in the snapshot within 5 s of the pod's status change", async () => {
    const kc = directKubeConfig(sim.clusters[0]!);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedPod({ namespace: "default", body: { metadata: { name: "crasher" }, spec: { containers: [{ name: "main", image: "example/crash:1" }] } } });
    const changedAt = await until(async () => {
      const pod = await core.readNamespacedPod({ namespace: "default", name: "crasher" });
      return pod.status?.containerStatuses?.[0]?.state?.waiting?.reason === "CrashLoopBackOff" ? Date.now() : null;
    }, 20_000, "the pod crash-looping");
    const seenAt = await until(async () => ((await snapshotCounts(id))?.podsCrashLooping ?? 0) >= 1 && Date.now(), 10_000, "the crash loop in the snapshot");
    expect(seenAt - changedAt).toBeLessThan(5_000);
    const snapshot = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: id } });
    expect(JSON.stringify(snapshot)).toContain("default/crasher");
  });

  it("across a cut tunnel nothing is lost or applied twice: sequence numbers checked, a change made meanwhile arrives", async () => {
    const before = pushedHealthOf(id)!;
    const reconnected = agent.nextTunnel();
    proxy.cut();
    const kc = directKubeConfig(sim.clusters[0]!);
    // A change while the link is down: the crashing pod goes away.
    await kc.makeApiClient(k8s.CoreV1Api).deleteNamespacedPod({ namespace: "default", name: "crasher", gracePeriodSeconds: 0 });
    await reconnected;
    const after = await until(async () => {
      const p = pushedHealthOf(id);
      return p && p.seq > before.seq && !p.parts.details.crashLoopingPods.includes("default/crasher") ? p : null;
    }, 15_000, "the change after the reconnect");
    expect(after.epoch).toBe(before.epoch); // same agent process: the sequence continues
    await until(async () => ((await snapshotCounts(id))?.podsCrashLooping ?? 1) === 0, 10_000, "the snapshot without the crash loop");
    const counters = pushedHealthCounters(id);
    expect(counters.duplicates).toBe(0);
    expect(counters.invalid).toBe(0);
    // The agent's acknowledged sequence numbers only ever grew by one message at a time.
    const acks = agent.received.filter((m) => m.type === "health-ack").map((m) => m.seq as number);
    expect(acks.length).toBeGreaterThan(1);
    for (let i = 1; i < acks.length; i++) expect(acks[i]!).toBeGreaterThan(acks[i - 1]!);
  });

  it("a replayed message is acknowledged but not applied; a gap asks the agent for a resync, which it answers in full", async () => {
    const current = pushedHealthOf(id)!;
    const replay = applyHealthMessage(id, { type: "health", epoch: current.epoch, seq: current.seq, full: false, changes: { warningEvents: 999 } });
    expect(replay).toEqual({ type: "health-ack", epoch: current.epoch, seq: current.seq });
    expect(pushedHealthOf(id)!.parts.warningEvents).not.toBe(999);
    expect(pushedHealthCounters(id).duplicates).toBe(1);

    const gap = applyHealthMessage(id, { type: "health", epoch: current.epoch, seq: current.seq + 5, full: false, changes: { warningEvents: 999 } });
    expect(gap).toMatchObject({ type: "health-resync", reason: expect.stringMatching(/gap/) });
    // The real agent answers the console's resync with a full summary.
    const logged = agent.logs.length;
    const session = getTunnel(id)!;
    session.sendControl({ ...gap! });
    await until(async () => agent.logs.slice(logged).some((l) => l.includes("health resync asked")) && pushedHealthOf(id)!.seq > current.seq, 10_000, "the full resync");
    expect(pushedHealthOf(id)!.parts.warningEvents).not.toBe(999);
  });

  it("rejects a malformed summary without touching the stored one", () => {
    const current = pushedHealthOf(id)!;
    expect(applyHealthMessage(id, { type: "health", epoch: current.epoch, seq: current.seq + 1, full: true, parts: { nodes: { ready: -1 } } })).toBeUndefined();
    expect(pushedHealthOf(id)!.seq).toBe(current.seq);
    expect(pushedHealthCounters(id).invalid).toBe(1);
  });

  it("an older agent is still collected by the console's own watches", async () => {
    const cluster = await createCluster({ name: "older-health", labels: {} }, SYSTEM_ACTOR);
    const c = sim.clusters[1]!;
    old = await attachSimCluster(cluster.id, { server: c.server, caPem: c.caPem, token: c.token });
    // Connected as a protocol-1 agent: the state monitor probes it into Active.
    Object.assign(clusterRuntime(cluster.id), { connected: true, disconnectedAt: undefined, pushesReadiness: false, pushesHealth: false });
    await prisma.cluster.update({ where: { id: cluster.id }, data: { connectedAt: new Date() } });
    await until(async () => (await runStatePass([cluster.id]), (await prisma.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).state === "active"), 20_000, "the older cluster Active");
    await until(async () => (await collector.runPass()).fresh === 2, 20_000, "both clusters collected");
    expect([...collector.sources.keys()]).toEqual([cluster.id]);
    expect(pushedHealthOf(cluster.id)).toBeUndefined();
    const match = await until(async () => {
      const [expected, actual] = [await directCounts(c), await snapshotCounts(cluster.id)];
      return JSON.stringify(expected) === JSON.stringify(actual) ? actual : null;
    }, 15_000, "the older agent's snapshot to match");
    expect(match.nodesTotal).toBeGreaterThanOrEqual(1);
  });
});
