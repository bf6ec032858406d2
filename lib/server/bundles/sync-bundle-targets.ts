import "server-only";
import type { Bundle } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { listTargetClusters } from "./list-target-clusters";

/**
 * Follows the targets between rollouts: a cluster that starts matching gets a row in the
 * wave already released (a completed rollout) or the last wave (one in progress), so it
 * receives the bundle without anyone acting; one that stops matching is marked
 * untargeted, and the driver prunes its objects.
 */
export async function syncBundleTargets(bundle: Bundle): Promise<void> {
  const targets = await listTargetClusters(bundle);
  const rows = await prisma.bundleDeployment.findMany({ where: { bundleId: bundle.id }, select: { clusterId: true, targeted: true, wave: true } });
  const have = new Map(rows.map((r) => [r.clusterId, r]));
  const wanted = new Set(targets.map((t) => t.id));
  const lastWave = rows.reduce((max, r) => Math.max(max, r.wave), bundle.wave);
  const joinWave = bundle.status === "completed" ? bundle.wave : lastWave;
  const added = targets.filter((t) => !have.has(t.id)).map((t) => t.id);
  const back = targets.filter((t) => have.get(t.id)?.targeted === false).map((t) => t.id);
  const gone = rows.filter((r) => r.targeted && !wanted.has(r.clusterId)).map((r) => r.clusterId);
  if (added.length > 0) await prisma.bundleDeployment.createMany({ data: added.map((clusterId) => ({ bundleId: bundle.id, clusterId, wave: joinWave })), skipDuplicates: true });
  if (back.length > 0) await prisma.bundleDeployment.updateMany({ where: { bundleId: bundle.id, clusterId: { in: back } }, data: { targeted: true, wave: joinWave } });
  if (gone.length > 0) await prisma.bundleDeployment.updateMany({ where: { bundleId: bundle.id, clusterId: { in: gone } }, data: { targeted: false } });
}
