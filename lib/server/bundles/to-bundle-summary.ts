import "server-only";
import type { Bundle } from "@/lib/generated/prisma/client";
import { BUNDLE_STATES, ZBundleRolloutSchema, type TBundleState, type TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";

type Counts = Map<string, { counts: Record<TBundleState, number>; waves: number; latest: number }>;

/** Per-state counts (targeted clusters), wave count and latest revision of the given bundles, in three grouped queries. */
export async function bundleCounts(ids: string[]): Promise<Counts> {
  const out: Counts = new Map(ids.map((id) => [id, { counts: Object.fromEntries(BUNDLE_STATES.map((s) => [s, 0])) as Record<TBundleState, number>, waves: 0, latest: 0 }]));
  if (ids.length === 0) return out;
  const [byState, waves, latest] = await Promise.all([
    prisma.bundleDeployment.groupBy({ by: ["bundleId", "state"], where: { bundleId: { in: ids }, targeted: true }, _count: { _all: true } }),
    prisma.bundleDeployment.groupBy({ by: ["bundleId"], where: { bundleId: { in: ids }, targeted: true }, _max: { wave: true } }),
    prisma.bundleRevision.groupBy({ by: ["bundleId"], where: { bundleId: { in: ids } }, _max: { number: true } }),
  ]);
  for (const g of byState) out.get(g.bundleId)!.counts[g.state] = g._count._all;
  for (const g of waves) out.get(g.bundleId)!.waves = (g._max.wave ?? -1) + 1;
  for (const g of latest) out.get(g.bundleId)!.latest = g._max.number ?? 0;
  return out;
}

export function toBundleSummary(bundle: Bundle, counts: Counts): TBundleSummary {
  const c = counts.get(bundle.id)!;
  return {
    id: bundle.id,
    name: bundle.name,
    clusterSelector: bundle.clusterSelector,
    clusterIds: bundle.clusterIds,
    rollout: ZBundleRolloutSchema.parse(bundle.rollout),
    prune: bundle.prune,
    selfHeal: bundle.selfHeal,
    revision: bundle.targetRevision,
    latestRevision: c.latest,
    status: bundle.status,
    statusReason: bundle.statusReason,
    wave: bundle.wave,
    waves: c.waves,
    counts: c.counts,
    total: Object.values(c.counts).reduce((a, b) => a + b, 0),
    createdAt: bundle.createdAt.toISOString(),
    updatedAt: bundle.updatedAt.toISOString(),
  };
}
