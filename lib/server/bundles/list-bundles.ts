import "server-only";
import type { TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import { ALL_CLUSTERS, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { bundleCounts, missingTargetCounts, toBundleSummary, WITH_GROUP } from "./to-bundle-summary";

/** Every bundle with its rollout and per-state counts, by name; with a `scope`, only bundles that reach a cluster in it. */
export async function listBundles(scope: ClusterScope = ALL_CLUSTERS): Promise<{ items: TBundleSummary[] }> {
  const where = scope.all ? {} : { deployments: { some: { targeted: true, clusterId: { in: scope.ids } } } };
  const bundles = await prisma.bundle.findMany({ where, orderBy: { name: "asc" }, include: WITH_GROUP });
  const [counts, missing] = await Promise.all([bundleCounts(bundles.map((b) => b.id)), missingTargetCounts(bundles)]);
  return { items: bundles.map((b) => toBundleSummary(b, counts, missing)) };
}
