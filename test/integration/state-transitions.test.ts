// Cluster state transitions are compare-and-set: two passes that derived the same change
// (a coalesced check overlapping the periodic pass, two replicas) store, log and audit it once.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { clusterRuntime } from "@/lib/server/clusters/cluster-runtime-state";
import { runStatePass } from "@/lib/server/clusters/cluster-state-monitor";
import { writeStateTransitions } from "@/lib/server/clusters/write-state-transitions";
import { prisma } from "@/lib/server/db/prisma";

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
