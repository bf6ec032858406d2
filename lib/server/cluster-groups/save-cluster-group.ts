import "server-only";
import type { TClusterGroup, TClusterGroupInput } from "@/lib/shared/cluster-groups/cluster-groups.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError, notFound } from "../http/api-error";
import { kickBundleDriver } from "../bundles/bundle-driver";
import { getClusterGroup } from "./list-cluster-groups";

/**
 * Creates a group (`id` omitted) or replaces one. Bundles targeting it follow the new
 * selection on the driver's next pass (clusters that start matching get them, those that
 * stop are pruned), as with a label change. Audited; one transaction; 409 on a taken name.
 */
export async function saveClusterGroup(id: string | null, input: TClusterGroupInput, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TClusterGroup> {
  if (input.clusterIds) {
    const found = new Set((await prisma.cluster.findMany({ where: { id: { in: input.clusterIds } }, select: { id: true } })).map((c) => c.id));
    const missing = input.clusterIds.filter((c) => !found.has(c));
    if (missing.length > 0) throw new ApiError("validation_failed", `Unknown cluster id(s): ${missing.slice(0, 5).join(", ")}`, { fields: { clusterIds: `unknown cluster id(s): ${missing.slice(0, 5).join(", ")}` } });
  }
  const data = { name: input.name, description: input.description ?? null, clusterSelector: input.clusterSelector ?? null, clusterIds: input.clusterIds ?? [] };
  const saved = await prisma.$transaction(async (tx) => {
    const taken = await tx.clusterGroup.findUnique({ where: { name: input.name }, select: { id: true } });
    if (taken && taken.id !== id) throw new ApiError("conflict", `A cluster group named ${input.name} already exists`, { fields: { name: "is already taken" } });
    if (id !== null && !(await tx.clusterGroup.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Cluster group");
    const row = id === null ? await tx.clusterGroup.create({ data }) : await tx.clusterGroup.update({ where: { id }, data });
    await recordAuditEvent({ actor, action: id === null ? "cluster-group.create" : "cluster-group.update", target: { type: "cluster-group", id: row.id, name: row.name }, details: { clusterSelector: data.clusterSelector, clusterIds: data.clusterIds.length }, ...meta }, tx);
    return row;
  });
  if (id !== null) kickBundleDriver();
  return getClusterGroup(saved.id);
}
