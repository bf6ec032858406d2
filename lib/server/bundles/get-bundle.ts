import "server-only";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { ALL_CLUSTERS, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";
import { labelsOf } from "./list-target-clusters";
import { storedValues } from "@/lib/shared/bundles/bundle-values";
import { bundleCounts, missingTargetCounts, toBundleSummary, WITH_GROUP } from "./to-bundle-summary";

/**
 * One bundle: its rollout, revisions (without their YAML) and every targeted cluster's state
 * — of the clusters in `scope` only (a scoped user sees their clusters' rows; the per-state
 * counts stay the bundle's own).
 */
export async function getBundle(id: string, scope: ClusterScope = ALL_CLUSTERS): Promise<TBundleDetail> {
  const bundle = await prisma.bundle.findUnique({ where: { id }, include: WITH_GROUP });
  if (!bundle) throw notFound("Bundle");
  const [counts, missing, revisions, rows] = await Promise.all([
    bundleCounts([id]),
    missingTargetCounts([bundle]),
    prisma.bundleRevision.findMany({ where: { bundleId: id }, orderBy: { number: "desc" }, select: { number: true, createdByName: true, createdAt: true, gitCommit: true, values: true, overrides: true } }),
    prisma.bundleDeployment.findMany({
      where: { bundleId: id, targeted: true, ...(scope.all ? {} : { clusterId: { in: scope.ids } }) },
      select: { clusterId: true, wave: true, state: true, message: true, appliedRevision: true, stateSince: true, cluster: { select: { name: true, region: true, site: true, labels: true } } },
      orderBy: { cluster: { name: "asc" } },
    }),
  ]);
  const target = revisions.find((r) => r.number === bundle.targetRevision);
  return {
    ...toBundleSummary(bundle, counts, missing),
    ...storedValues(target?.values, target?.overrides),
    revisions: revisions.map((r) => ({ number: r.number, gitCommit: r.gitCommit, createdBy: r.createdByName, createdAt: r.createdAt.toISOString() })),
    clusters: rows.map((r) => ({
      clusterId: r.clusterId,
      clusterName: r.cluster.name,
      region: r.cluster.region,
      site: r.cluster.site,
      labels: labelsOf(r.cluster.labels),
      wave: r.wave,
      state: r.state,
      message: r.message,
      appliedRevision: r.appliedRevision,
      stateSince: r.stateSince.toISOString(),
    })),
  };
}
