import "server-only";
import type { TBundleDetail, TRollbackBundle } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError, conflict, notFound } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { getBundle } from "./get-bundle";
import { startRollout } from "./start-rollout";

export type TRolloutAction = "pause" | "resume" | "abort" | "rollback";

/**
 * pause: no more applies until resumed. resume: continue (failed clusters are retried:
 * the rollout restarts its current revision from wave 0, clusters already Ready pass
 * straight through). abort: stop for good, nothing more is applied (a new revision or a
 * rollback starts again). rollback: roll out an earlier revision (default: the one before
 * the current) — a rollout like any other. Audited; one transaction.
 */
export async function changeBundleRollout(bundleId: string, action: TRolloutAction, body: TRollbackBundle, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ name: string; status: string; targetRevision: number; deletingAt: Date | null; kind: string }>>`SELECT "name", "status"::text AS "status", "targetRevision", "deletingAt", "kind" FROM "bundles" WHERE "id" = ${bundleId} FOR UPDATE`;
    const bundle = locked[0];
    if (!bundle) throw notFound("Bundle");
    // k3s has no supported downgrade: an upgrade is paused, resumed or aborted, never rolled back.
    if (action === "rollback" && bundle.kind === "k3s-upgrade") throw conflict("A k3s upgrade cannot be rolled back (k3s does not support downgrades)");
    if (bundle.deletingAt) throw conflict("The bundle is being deleted");
    const details: Record<string, unknown> = { from: bundle.status };
    if (action === "pause") {
      if (bundle.status !== "progressing") throw conflict(`Only a progressing rollout can be paused (this one is ${bundle.status})`);
      await tx.bundle.update({ where: { id: bundleId }, data: { status: "paused", statusReason: `Paused by ${actor.name}` } });
    } else if (action === "abort") {
      if (bundle.status === "aborted") throw conflict("The rollout is already aborted");
      await tx.bundle.update({ where: { id: bundleId }, data: { status: "aborted", statusReason: `Aborted by ${actor.name}` } });
    } else if (action === "resume") {
      if (bundle.status !== "paused") throw conflict(`Only a paused rollout can be resumed (this one is ${bundle.status})`);
      await startRollout(tx, bundleId, bundle.targetRevision);
    } else {
      const to = body.revision ?? bundle.targetRevision - 1;
      if (to < 1) throw new ApiError("validation_failed", "There is no earlier revision to roll back to", { fields: { revision: "no earlier revision" } });
      if (to === bundle.targetRevision && bundle.status !== "aborted" && bundle.status !== "paused") throw conflict(`Revision ${to} is already being rolled out`);
      const exists = await tx.bundleRevision.findUnique({ where: { bundleId_number: { bundleId, number: to } }, select: { id: true } });
      if (!exists) throw new ApiError("validation_failed", `Revision ${to} does not exist`, { fields: { revision: "does not exist" } });
      await startRollout(tx, bundleId, to);
      details.revision = to;
      details.fromRevision = bundle.targetRevision;
    }
    await recordAuditEvent({ actor, action: `bundle.${action}`, target: { type: "bundle", id: bundleId, name: bundle.name }, details, ...meta }, tx);
  });
  kickBundleDriver();
  return getBundle(bundleId);
}
