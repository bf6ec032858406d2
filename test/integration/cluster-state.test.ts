import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { clusterRuntime } from "@/lib/server/clusters/cluster-runtime-state";
import { runStatePass } from "@/lib/server/clusters/cluster-state-monitor";
import { prisma } from "@/lib/server/db/prisma";
import { startSimulator, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";

describe("derived cluster states", () => {
  let sim: Simulator;
  let attached: AttachedCluster;
  let id: string;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: 1, scenarios: ["k3s"], port: 0 });
    id = (await createCluster({ name: "stateful", labels: {} }, SYSTEM_ACTOR)).id;
  });
  afterAll(async () => {
    await attached?.detach();
    await sim?.stop();
  });

  it("stays Pending until an agent connects, then Active after a good readiness probe", async () => {
    await runStatePass();
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id } })).state).toBe("pending");
    const c = sim.clusters[0]!;
    attached = await attachSimCluster(id, { server: c.server, caPem: c.caPem, token: c.token });
    Object.assign(clusterRuntime(id), { connected: true, disconnectedAt: undefined });
    await prisma.cluster.update({ where: { id }, data: { connectedAt: new Date() } });
    await runStatePass([id]);
    const active = await prisma.cluster.findUniqueOrThrow({ where: { id } });
    expect(active.state).toBe("active");
    expect(active.lastSeenAt).not.toBeNull();
  });

  it("turns Unavailable within one probe deadline when the cluster stops answering", async () => {
    sim.clusters[0]!.setFaults({ partition: true });
    const started = Date.now();
    await runStatePass([id]);
    const down = await prisma.cluster.findUniqueOrThrow({ where: { id } });
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(down.state).toBe("unavailable");
    expect(down.stateReason).toMatch(/readyz/);
    sim.clusters[0]!.setFaults({});
    await runStatePass([id]);
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id } })).state).toBe("active");
    const transitions = await prisma.auditEvent.findMany({ where: { action: "cluster.state", targetId: id }, orderBy: { id: "asc" } });
    expect(transitions.map((e) => (e.details as { to: string }).to)).toEqual(["active", "unavailable", "active"]);
  });

  it("writes thousands of state changes in batches", async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ name: `bulk-${i}`, displayName: `bulk-${i}`, state: "active" as const, connectedAt: new Date() }));
    await prisma.cluster.createMany({ data: many });
    // Their agents are gone, and the 10 s grace has long passed.
    for (const runtimeId of (await prisma.cluster.findMany({ where: { name: { startsWith: "bulk-" } } })).map((c) => c.id)) {
      clusterRuntime(runtimeId).disconnectedAt = Date.now() - 60_000;
    }
    await runStatePass();
    expect(await prisma.cluster.count({ where: { name: { startsWith: "bulk-" }, state: "unavailable" } })).toBe(450);
    expect(await prisma.auditEvent.count({ where: { action: "cluster.state", targetName: { startsWith: "bulk-" } } })).toBe(450);
  });
});
