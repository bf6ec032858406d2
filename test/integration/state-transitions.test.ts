// Cluster state transitions are compare-and-set: two passes that derived the same change
// (a coalesced check overlapping the periodic pass, two replicas) store, log and audit it once.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { clusterRuntime } from "@/lib/server/clusters/cluster-runtime-state";
import { runStatePass } from "@/lib/server/clusters/cluster-state-monitor";
import { writeStateTransitions } from "@/lib/server/clusters/write-state-transitions";
import { prisma } from "@/lib/server/db/prisma";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import type { TFleetClustersPage } from "@/lib/shared/fleet/fleet-api.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

describe("idempotent state transitions", () => {
  it("the same transition written twice at once is applied and audited once", async () => {
    const { id } = await createCluster({ name: "cas-direct", labels: {} }, SYSTEM_ACTOR);
    await prisma.cluster.update({ where: { id }, data: { state: "active", connectedAt: new Date() } });
    const change = { id, from: "active" as const, fromReason: null, to: "unavailable" as const, reason: "agent disconnected" };
    const [a, b] = await Promise.all([writeStateTransitions([change], new Date()), writeStateTransitions([change], new Date())]);
    expect(a.length + b.length).toBe(1);
    expect([...a, ...b][0]).toMatchObject({ id, from: "active", to: "unavailable", reason: "agent disconnected", name: "cas-direct" });
    expect(await prisma.auditEvent.count({ where: { action: "cluster.state", targetId: id } })).toBe(1);
    const row = await prisma.cluster.findUniqueOrThrow({ where: { id } });
    expect([row.state, row.stateReason]).toEqual(["unavailable", "agent disconnected"]);
    // A change derived from a state the row no longer holds is not applied.
    expect(await writeStateTransitions([{ ...change, to: "active", reason: null }], new Date())).toEqual([]);
    // A reason change without a state change is stored but not audited.
    const reasonOnly = await writeStateTransitions([{ id, from: "unavailable", fromReason: "agent disconnected", to: "unavailable", reason: "readyz failed" }], new Date());
    expect(reasonOnly).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { action: "cluster.state", targetId: id } })).toBe(1);
  });

  it("a check overlapping the periodic pass audits the transition once", async () => {
    const { id } = await createCluster({ name: "cas-overlap", labels: {} }, SYSTEM_ACTOR);
    await prisma.cluster.update({ where: { id }, data: { state: "active", connectedAt: new Date() } });
    Object.assign(clusterRuntime(id), { connected: false, disconnectedAt: Date.now() - 60_000, disconnectReason: "agent disconnected (test)" });
    await Promise.all([runStatePass(), runStatePass([id]), runStatePass([id])]);
    const events = await prisma.auditEvent.findMany({ where: { action: "cluster.state", targetId: id } });
    expect(events.map((e) => e.details)).toEqual([{ from: "active", to: "unavailable", reason: "agent disconnected (test)" }]);
  });
});

describe("flaps", () => {
  it("each Active → Unavailable transition of the last hour counts as a flap, on the cluster and in the fleet", async () => {
    const { id } = await createCluster({ name: "flappy", labels: {} }, SYSTEM_ACTOR);
    const { id: steady } = await createCluster({ name: "steady", labels: {} }, SYSTEM_ACTOR);
    await prisma.cluster.updateMany({ where: { id: { in: [id, steady] } }, data: { state: "active", connectedAt: new Date() } });
    const down = { id, from: "active" as const, fromReason: null, to: "unavailable" as const, reason: "agent silent for 9 s" };
    const up = { id, from: "unavailable" as const, fromReason: "agent silent for 9 s", to: "active" as const, reason: null };
    for (const change of [down, up, down, up, down]) await writeStateTransitions([change], new Date());
    // An old flap, outside the hour, does not count.
    await prisma.auditEvent.create({ data: { actorName: "system", action: "cluster.state", targetType: "cluster", targetId: id, targetName: "flappy", at: new Date(Date.now() - 2 * 3_600_000), details: { from: "active", to: "unavailable", reason: "old" } } });
    await seedUser("flap-viewer", "viewer");
    const cookie = await login("flap-viewer");
    const cluster = (await (await callRoute("GET", `/api/v1/clusters/${id}`, { cookie })).json()) as TCluster;
    expect(cluster.flapsPerHour).toBe(3);
    const page = (await (await callRoute("GET", "/api/v1/fleet/clusters?limit=50", { cookie })).json()) as TFleetClustersPage;
    expect(Object.fromEntries(page.items.filter((r) => ["flappy", "steady"].includes(r.name)).map((r) => [r.name, r.flapsPerHour]))).toEqual({ flappy: 3, steady: 0 });
  });
});
