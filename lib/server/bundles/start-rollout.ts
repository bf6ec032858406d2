import "server-only";
import { ZBundleRolloutSchema } from "@/lib/shared/bundles/bundles.schema";
import { planWaves } from "@/lib/shared/bundles/plan-waves";
import type { TransactionClient } from "../db/prisma";
import { listTargetClusters } from "./list-target-clusters";

/**
 * Starts a rollout of `targetRevision` (a new revision, a rollback, a resume): plans the
 * waves over the clusters the targets select now, puts every targeted cluster back to
 * Waiting (Offline ones stay Offline) and releases wave 0. Clusters that no longer match
 * are marked untargeted (the driver prunes them). Runs inside the caller's transaction.
 */
export async function startRollout(tx: TransactionClient, bundleId: string, targetRevision: number): Promise<void> {
  const bundle = await tx.bundle.findUniqueOrThrow({ where: { id: bundleId } });
  const targets = await listTargetClusters(bundle, tx);
  const waves = planWaves(targets, ZBundleRolloutSchema.parse(bundle.rollout));
  const ids = [...waves.keys()];
  const waveList = ids.map((id) => waves.get(id) ?? 0);
  if (ids.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "bundle_deployments" ("bundleId", "clusterId", "wave", "state", "targeted", "stateSince", "updatedAt")
      SELECT ${bundleId}, t.id, t.wave, 'Waiting'::"BundleDeploymentState", true, now(), now()
      FROM unnest(${ids}::text[], ${waveList}::int[]) AS t(id, wave)
      ON CONFLICT ("bundleId", "clusterId") DO UPDATE SET
        "wave" = EXCLUDED."wave",
        "targeted" = true,
        "message" = CASE WHEN "bundle_deployments"."state" = 'Offline' THEN "bundle_deployments"."message" ELSE NULL END,
        "state" = CASE WHEN "bundle_deployments"."state" = 'Offline' THEN 'Offline'::"BundleDeploymentState" ELSE 'Waiting'::"BundleDeploymentState" END,
        "stateSince" = CASE WHEN "bundle_deployments"."state" IN ('Offline', 'Waiting') THEN "bundle_deployments"."stateSince" ELSE now() END,
        "updatedAt" = now()`;
  }
  await tx.bundleDeployment.updateMany({ where: { bundleId, clusterId: { notIn: ids } }, data: { targeted: false } });
  await tx.bundle.update({
    where: { id: bundleId },
    data: { targetRevision, status: "progressing", statusReason: null, wave: 0, waveReadyAt: null, rolloutStartedAt: new Date() },
  });
}
