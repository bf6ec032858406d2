import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { notFound } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";

/**
 * Deletes a bundle. With `prune` its objects are removed from every cluster first: the
 * bundle is marked deleting, nothing more is applied, the driver prunes each cluster
 * (offline ones when they return) and then deletes the bundle. Without `prune` (or
 * nothing left to prune) the bundle goes at once and the objects stay on the clusters.
 * Asking again without prune while deletion waits for offline clusters ends the wait.
 * Audited; one transaction. Returns whether the bundle is already gone.
 */
export async function deleteBundle(bundleId: string, prune: boolean, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<{ deleted: boolean; clustersLeft: number }> {
  const result = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ name: string }>>`SELECT "name" FROM "bundles" WHERE "id" = ${bundleId} FOR UPDATE`;
    const name = locked[0]?.name;
    if (name === undefined) throw notFound("Bundle");
    const applied = prune ? await tx.bundleDeployment.count({ where: { bundleId, appliedRevision: { not: null } } }) : 0;
    if (applied === 0) {
      await tx.bundle.delete({ where: { id: bundleId } });
    } else {
      await tx.bundleDeployment.deleteMany({ where: { bundleId, appliedRevision: null } });
      await tx.bundleDeployment.updateMany({ where: { bundleId }, data: { targeted: false } });
      await tx.bundle.update({ where: { id: bundleId }, data: { deletingAt: new Date(), status: "aborted", statusReason: `Being deleted by ${actor.name}` } });
    }
    await recordAuditEvent({ actor, action: "bundle.delete", target: { type: "bundle", id: bundleId, name }, details: { prune, clustersToPrune: applied }, ...meta }, tx);
    return { deleted: applied === 0, clustersLeft: applied };
  });
  if (!result.deleted) kickBundleDriver();
  return result;
}
