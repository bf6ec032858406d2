import "server-only";
import type { Bundle, ClusterGroup } from "@/lib/generated/prisma/client";
import { GIT_POLL_DEFAULT_SECONDS } from "@/lib/shared/bundles/bundle-git.schema";
import { BUNDLE_STATES, ZBundleRolloutSchema, type TBundleState, type TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";

type Counts = Map<string, { counts: Record<TBundleState, number>; waves: number; latest: number; untargeted: number }>;

/** A bundle row with what its summary shows of its group. */
export type BundleWithGroup = Bundle & { group: Pick<ClusterGroup, "name" | "clusterIds" | "clusterSelector"> | null };

/** The include that gives a BundleWithGroup. */
export const WITH_GROUP = { group: { select: { name: true, clusterIds: true, clusterSelector: true } } } as const;

/** Per-state counts (targeted clusters), wave count, latest revision and rows left to prune of the given bundles, in grouped queries. */
export async function bundleCounts(ids: string[]): Promise<Counts> {
  const out: Counts = new Map(ids.map((id) => [id, { counts: Object.fromEntries(BUNDLE_STATES.map((s) => [s, 0])) as Record<TBundleState, number>, waves: 0, latest: 0, untargeted: 0 }]));
  if (ids.length === 0) return out;
  const [byState, waves, latest, untargeted] = await Promise.all([
    prisma.bundleDeployment.groupBy({ by: ["bundleId", "state"], where: { bundleId: { in: ids }, targeted: true }, _count: { _all: true } }),
    prisma.bundleDeployment.groupBy({ by: ["bundleId"], where: { bundleId: { in: ids }, targeted: true }, _max: { wave: true } }),
    prisma.bundleRevision.groupBy({ by: ["bundleId"], where: { bundleId: { in: ids } }, _max: { number: true } }),
    prisma.bundleDeployment.groupBy({ by: ["bundleId"], where: { bundleId: { in: ids }, targeted: false }, _count: { _all: true } }),
  ]);
  for (const g of byState) out.get(g.bundleId)!.counts[g.state] = g._count._all;
  for (const g of waves) out.get(g.bundleId)!.waves = (g._max.wave ?? -1) + 1;
  for (const g of latest) out.get(g.bundleId)!.latest = g._max.number ?? 0;
  for (const g of untargeted) out.get(g.bundleId)!.untargeted = g._count._all;
  return out;
}

/**
 * Of the bundles that name clusters by id (their own list or their group's), how many of
 * those ids no longer exist — so "0 of 0 Ready" can say the targets were deleted.
 */
export async function missingTargetCounts(bundles: BundleWithGroup[]): Promise<Map<string, number>> {
  const listOf = (b: BundleWithGroup) => (b.group ? (b.group.clusterSelector === null ? b.group.clusterIds : []) : b.clusterSelector === null ? b.clusterIds : []);
  const all = [...new Set(bundles.flatMap(listOf))];
  const existing = new Set(all.length ? (await prisma.cluster.findMany({ where: { id: { in: all } }, select: { id: true } })).map((c) => c.id) : []);
  return new Map(bundles.map((b) => [b.id, listOf(b).filter((id) => !existing.has(id)).length]));
}

export function toBundleSummary(bundle: BundleWithGroup, counts: Counts, missing: Map<string, number>): TBundleSummary {
  const c = counts.get(bundle.id)!;
  const total = Object.values(c.counts).reduce((a, b) => a + b, 0);
  const missingTargets = missing.get(bundle.id) ?? 0;
  return {
    id: bundle.id,
    name: bundle.name,
    clusterSelector: bundle.clusterSelector,
    clusterIds: bundle.clusterIds,
    group: bundle.group?.name ?? null,
    git: bundle.gitUrl
      ? {
          url: bundle.gitUrl,
          ref: bundle.gitRef ?? "main",
          path: bundle.gitPath ?? "",
          pollSeconds: bundle.gitPollSeconds ?? GIT_POLL_DEFAULT_SECONDS,
          username: bundle.gitUsername,
          hasSecret: bundle.gitSecret !== null,
          hasWebhookSecret: bundle.gitWebhookSecret !== null,
          commit: bundle.gitCommit,
          checkedAt: bundle.gitCheckedAt?.toISOString() ?? null,
          error: bundle.gitError,
        }
      : null,
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
    total,
    missingTargets,
    emptyReason: total > 0 || bundle.deletingAt ? null : missingTargets > 0 ? "clustersDeleted" : "noMatch",
    deleting: bundle.deletingAt ? { since: bundle.deletingAt.toISOString(), clustersLeft: c.untargeted } : null,
    createdAt: bundle.createdAt.toISOString(),
    updatedAt: bundle.updatedAt.toISOString(),
  };
}
