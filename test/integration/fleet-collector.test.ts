import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/sim";
import { prisma } from "@/lib/server/db/prisma";
import { registerEdgexSummarySource } from "@/lib/server/fleet/edgex-summary-source";
import { FleetCollector } from "@/lib/server/fleet/fleet-collector";
import { listFleetClusters } from "@/lib/server/fleet/list-fleet-clusters";
import { searchFleet } from "@/lib/server/fleet/search-fleet";
import { ZFleetClustersQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { directCounts, directKubeConfig, snapshotCounts, TEST_FLEET_CONFIG, until } from "./fleet-helpers";
import * as k8s from "@kubernetes/client-node";

describe("fleet health collector against simulated clusters through real tunnels", () => {
  let sim: Simulator;
  const attached: AttachedCluster[] = [];
  let collector: FleetCollector;
  const ids = ["fleet-a", "fleet-b"];

  beforeAll(async () => {
    sim = await startSimulator({ clusters: 2, scenarios: ["k3s", "demo"], port: 0, podStartMs: 50 });
    for (const [i, c] of sim.clusters.entries()) {
      const id = ids[i]!;
      await prisma.cluster.create({ data: { id, name: c.name, displayName: c.name, region: i === 0 ? "eu-west" : "us-east", labels: { env: "test" }, state: "active", lastSeenAt: new Date() } });
      attached.push(await attachSimCluster(id, { server: c.server, caPem: c.caPem, token: c.token }));
    }
    // Stands in for issue 6's EdgeX source: cluster A runs EdgeX with one service down.
    registerEdgexSummarySource(async (clusterId) =>
      clusterId === "fleet-a"
        ? { servicesUp: 8, servicesTotal: 9, devicesUp: 2, devicesTotal: 2, lastReadingAt: "2026-01-01T00:00:00.000Z", servicesDown: ["core-command"], devices: [{ name: "Random-Integer-Device", labels: ["modbus"], status: "UP" }] }
        : null,
    );
    collector = new FleetCollector(TEST_FLEET_CONFIG);
  });

  afterAll(async () => {
    registerEdgexSummarySource(undefined);
    await collector?.stop();
    for (const a of attached) await a.detach();
    await sim?.stop();
  });

  const pass = () => collector.runPass();

  it("writes snapshots whose numbers match what the simulator serves", async () => {
    await until(async () => (await pass()).fresh === 2, 20_000, "both clusters collected");
    for (const [i, c] of sim.clusters.entries()) {
      // Statuses move (the crash-looping worker restarts): compare until one pass agrees.
      const match = await until(
        async () => {
          await pass();
          const [expected, actual] = [await directCounts(c), await snapshotCounts(ids[i]!)];
          return JSON.stringify(expected) === JSON.stringify(actual) ? actual : null;
        },
        20_000,
        `snapshot of ${c.name} to match`,
      );
      expect(match.nodesTotal).toBe(3);
      expect(match.podsTotal).toBeGreaterThan(5);
      expect(match.podsFailing).toBeGreaterThanOrEqual(1); // demo: ImagePullBackOff pod (+ the crash worker)
    }
    const a = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-a" } });
    expect(a).toMatchObject({ edgexServicesUp: 8, edgexServicesTotal: 9, edgexDevicesTotal: 2, kubernetesVersion: "v1.31.4+k3s1", error: null });
    expect((await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-b" } })).edgexServicesTotal).toBeNull();
    expect(await prisma.fleetSnapshotPoint.count({ where: { clusterId: "fleet-a" } })).toBeGreaterThanOrEqual(1);
  });

  it("raises alerts from the snapshots (EdgeX service down on A)", async () => {
    const alerts = await prisma.fleetAlert.findMany({ where: { resolvedAt: null } });
    expect(alerts.some((a) => a.clusterId === "fleet-a" && a.rule === "edgex-service-down")).toBe(true);
    expect(alerts.some((a) => a.clusterId === "fleet-b" && a.rule === "edgex-service-down")).toBe(false);
  });

  it("indexes pods, nodes, deployments and EdgeX devices for cross-cluster search", async () => {
    await until(async () => (await prisma.fleetSearchEntry.count()) > 20, 10_000, "search index");
    const coredns = await searchFleet({ q: "coredns", kind: "deployment", limit: 50 });
    expect(coredns.items.map((h) => h.clusterName).sort()).toEqual(sim.clusters.map((c) => c.name).sort());
    expect(coredns.items[0]!.href).toMatch(/^\/clusters\/fleet-[ab]\/deployments\/kube-system\/coredns$/);
    const byLabel = await searchFleet({ q: "k8s-app=kube-dns", limit: 50 });
    expect(byLabel.items.length).toBeGreaterThanOrEqual(2);
    const device = await searchFleet({ q: "random-integer", limit: 10 });
    expect(device.items).toMatchObject([{ kind: "edgex-device", clusterId: "fleet-a", status: "UP" }]);
  });

  it("follows changes through the watch, without relisting", async () => {
    const source = collector.sources.get("fleet-b")!;
    const requestsBefore = source.requests;
    const before = (await snapshotCounts("fleet-b"))!.podsTotal;
    const core = directKubeConfig(sim.clusters[1]!).makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedPod({ namespace: "default", body: { metadata: { name: "watch-me" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } });
    await until(async () => (await pass(), (await snapshotCounts("fleet-b"))!.podsTotal === before + 1), 10_000, "the new pod to be counted");
    expect(source.requests).toBe(requestsBefore);
  });

  it("a partitioned cluster keeps its last snapshot, turns stale with its age, and recovers", async () => {
    const before = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-a" } });
    sim.clusters[0]!.setFaults({ partition: true });
    const failed = await until(async () => {
      await pass();
      const s = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-a" } });
      return s.error ? s : null;
    }, 20_000, "the partition to be noticed");
    expect(failed.error).toMatch(/did not answer within/);
    await pass();
    const kept = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-a" } });
    expect(kept.collectedAt.getTime()).toBe(failed.collectedAt.getTime());
    expect({ ...kept, collectedAt: 0, changedAt: 0, error: null, searchHash: null }).toEqual({ ...before, collectedAt: 0, changedAt: 0, error: null, searchHash: null });
    const page = await until(async () => {
      const p = await listFleetClusters(ZFleetClustersQuerySchema.parse({ q: sim.clusters[0]!.name }), TEST_FLEET_CONFIG.intervalMs);
      return p.items[0]?.snapshot?.fresh === false ? p : null;
    }, 10_000, "the row to turn stale");
    expect(page.items[0]!.snapshot).toMatchObject({ nodesTotal: before.nodesTotal, podsTotal: before.podsTotal, collectedAt: kept.collectedAt.toISOString() });
    // B is unaffected.
    expect((await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-b" } })).error).toBeNull();

    sim.clusters[0]!.setFaults({});
    await until(async () => {
      await pass();
      const s = await prisma.fleetSnapshot.findUniqueOrThrow({ where: { clusterId: "fleet-a" } });
      return s.error === null && s.collectedAt > kept.collectedAt ? s : null;
    }, 30_000, "recovery after the partition heals");
  });

  it("drops the caches of clusters that leave the Active state, keeping their snapshot", async () => {
    await prisma.cluster.update({ where: { id: "fleet-b" }, data: { state: "unavailable", stateSince: new Date() } });
    const stats = await pass();
    expect(stats.active).toBe(1);
    expect(collector.sources.has("fleet-b")).toBe(false);
    expect(await prisma.fleetSnapshot.findUnique({ where: { clusterId: "fleet-b" } })).not.toBeNull();
  });
});
