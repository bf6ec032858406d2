import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { conflict, notFound } from "../http/api-error";

/** Deletes a group; 409 while role bindings use it, while a bundle targets it or an override of a bundle's latest revision names it. Audited. */
export async function deleteClusterGroup(id: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const group = await tx.clusterGroup.findUnique({ where: { id }, include: { bundles: { select: { name: true } }, _count: { select: { roleBindings: true } } } });
    if (!group) throw notFound("Cluster group");
    if (group._count.roleBindings > 0) throw conflict(`${group._count.roleBindings} role binding(s) grant access through this group: remove them first`);
    if (group.bundles.length > 0) throw conflict(`Bundles target this group: ${group.bundles.map((b) => b.name).join(", ")}`);
    const inOverrides = await tx.$queryRaw<Array<{ name: string }>>`
      SELECT DISTINCT b."name" FROM "bundles" b JOIN "bundle_revisions" r ON r."bundleId" = b."id" AND r."number" = b."targetRevision"
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(r."overrides") o WHERE o->>'group' = ${group.name})`;
    if (inOverrides.length > 0) throw conflict(`Overrides of these bundles use this group: ${inOverrides.map((b) => b.name).join(", ")}`);
    await tx.clusterGroup.delete({ where: { id } });
    await recordAuditEvent({ actor, action: "cluster-group.delete", target: { type: "cluster-group", id, name: group.name }, ...meta }, tx);
  });
}
