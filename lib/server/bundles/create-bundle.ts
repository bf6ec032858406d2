import "server-only";
import type { TBundleDetail, TCreateBundle } from "@/lib/shared/bundles/bundles.schema";
import { ZBundleRolloutSchema } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { getBundle } from "./get-bundle";
import { startRollout } from "./start-rollout";

async function assertClustersExist(ids: string[], field: string): Promise<void> {
  const found = new Set((await prisma.cluster.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ApiError("validation_failed", `Unknown cluster id(s): ${missing.slice(0, 5).join(", ")}`, { fields: { [field]: `unknown cluster id(s): ${missing.slice(0, 5).join(", ")}` } });
}

/** Creates a bundle with revision 1 and starts its rollout (audited, one transaction). */
export async function createBundle(input: TCreateBundle, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  if (input.targets.clusterIds) await assertClustersExist(input.targets.clusterIds, "targets.clusterIds");
  const rollout = ZBundleRolloutSchema.parse(input.rollout ?? {});
  if (rollout.firstWave?.clusterIds) await assertClustersExist(rollout.firstWave.clusterIds, "rollout.firstWave.clusterIds");
  const id = await prisma.$transaction(async (tx) => {
    if (await tx.bundle.findUnique({ where: { name: input.name }, select: { id: true } })) throw new ApiError("conflict", `A bundle named ${input.name} already exists`, { fields: { name: "is already taken" } });
    const bundle = await tx.bundle.create({
      data: {
        name: input.name,
        clusterSelector: input.targets.clusterSelector ?? null,
        clusterIds: input.targets.clusterIds ?? [],
        rollout,
        prune: input.prune,
        selfHeal: input.selfHeal,
        targetRevision: 1,
        createdById: actor.id,
        revisions: { create: { number: 1, yaml: input.source.yaml, createdByName: actor.name } },
      },
    });
    await startRollout(tx, bundle.id, 1);
    await recordAuditEvent({ actor, action: "bundle.create", target: { type: "bundle", id: bundle.id, name: bundle.name }, details: { targets: input.targets, rollout }, ...meta }, tx);
    return bundle.id;
  });
  kickBundleDriver();
  return getBundle(id);
}
