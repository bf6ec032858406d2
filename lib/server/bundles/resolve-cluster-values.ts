import "server-only";
import { storedValues, valuesForCluster, type TGroupSelection } from "@/lib/shared/bundles/bundle-values";
import { prisma } from "../db/prisma";

/**
 * Prepares the per-cluster values of a revision: its defaults and overrides, with the
 * saved groups its overrides name read once (a pass resolves thousands of clusters).
 */
export async function clusterValuesResolver(revision: { values: unknown; overrides: unknown }): Promise<(cluster: { id: string; labels: Record<string, string> }) => Record<string, string>> {
  const { values, overrides } = storedValues(revision.values, revision.overrides);
  const names = [...new Set(overrides.flatMap((o) => (o.group !== undefined ? [o.group] : [])))];
  const groups = new Map<string, TGroupSelection>();
  if (names.length > 0) {
    for (const g of await prisma.clusterGroup.findMany({ where: { name: { in: names } }, select: { name: true, clusterSelector: true, clusterIds: true } })) groups.set(g.name, g);
  }
  return (cluster) => valuesForCluster(values, overrides, cluster, groups);
}
