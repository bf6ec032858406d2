import "server-only";
import type { TBundleDetail, TCreateBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { notFound } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { getBundle } from "./get-bundle";
import { startRollout } from "./start-rollout";

/** Adds an immutable revision and rolls it out (from wave 0), audited, in one transaction. */
export async function createBundleRevision(bundleId: string, input: TCreateBundleRevision, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  await prisma.$transaction(async (tx) => {
    // Row lock: two revisions submitted at once get consecutive numbers.
    const locked = await tx.$queryRaw<Array<{ name: string }>>`SELECT "name" FROM "bundles" WHERE "id" = ${bundleId} FOR UPDATE`;
    const name = locked[0]?.name;
    if (name === undefined) throw notFound("Bundle");
    const last = await tx.bundleRevision.aggregate({ where: { bundleId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.bundleRevision.create({ data: { bundleId, number, yaml: input.source.yaml, createdByName: actor.name } });
    await startRollout(tx, bundleId, number);
    await recordAuditEvent({ actor, action: "bundle.revision", target: { type: "bundle", id: bundleId, name }, details: { revision: number }, ...meta }, tx);
  });
  kickBundleDriver();
  return getBundle(bundleId);
}
