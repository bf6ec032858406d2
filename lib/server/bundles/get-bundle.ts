import "server-only";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";
import { labelsOf } from "./list-target-clusters";
import { bundleCounts, toBundleSummary } from "./to-bundle-summary";

/** One bundle: its rollout, revisions (without their YAML) and every targeted cluster's state. */
export async function getBundle(id: string): Promise<TBundleDetail> {
  const bundle = await prisma.bundle.findUnique({ where: { id } });
  if (!bundle) throw notFound("Bundle");
  const [counts, revisions, rows] = await Promise.all([
    bundleCounts([id]),
    prisma.bundleRevision.findMany({ where: { bundleId: id }, orderBy: { number: "desc" }, select: { number: true, createdByName: true, createdAt: true } }),
    prisma.bundleDeployment.findMany({
      where: { bundleId: id, targeted: true },
      select: { clusterId: true, wave: true, state: true, message: true, appliedRevision: true, stateSince: true, cluster: { select: { name: true, region: true, site: true, labels: true } } },
      orderBy: { cluster: { name: "asc" } },
    }),
  ]);
  return {
    ...toBundleSummary(bundle, counts),
    revisions: revisions.map((r) => ({ number: r.number, createdBy: r.createdByName, createdAt: r.createdAt.toISOString() })),
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
