import "server-only";
import { compareK3sVersions, parseK3sVersion, type TK3sVersion } from "@/lib/shared/upgrades/k3s-version";
import type { TK3sVersionSpread } from "@/lib/shared/upgrades/upgrades.schema";
import { clusterIdWhere, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";

/**
 * The fleet's k3s versions (what each cluster's apiserver last reported), newest first,
 * and the clusters behind the newest — the NOC's version spread and the choices an upgrade
 * offers — over the clusters in the caller's scope.
 */
export async function listK3sVersions(scope: ClusterScope): Promise<TK3sVersionSpread> {
  const clusters = await prisma.cluster.findMany({ where: clusterIdWhere(scope), select: { id: true, name: true, kubernetesVersion: true } });
  const counts = new Map<string, { version: TK3sVersion; clusters: number }>();
  let unknown = 0;
  for (const c of clusters) {
    const v = parseK3sVersion(c.kubernetesVersion);
    if (!v) {
      unknown++;
      continue;
    }
    const entry = counts.get(v.text) ?? { version: v, clusters: 0 };
    entry.clusters++;
    counts.set(v.text, entry);
  }
  const versions = [...counts.values()].sort((a, b) => compareK3sVersions(b.version, a.version));
  const newest = versions[0]?.version ?? null;
  const lagging = newest
    ? clusters
        .flatMap((c) => {
          const v = parseK3sVersion(c.kubernetesVersion);
          return v && compareK3sVersions(v, newest) < 0 ? [{ clusterId: c.id, name: c.name, version: v.text, minorsBehind: newest.minor - v.minor, parsed: v }] : [];
        })
        .sort((a, b) => compareK3sVersions(a.parsed, b.parsed) || a.name.localeCompare(b.name))
        .slice(0, 500)
        .map(({ parsed: _parsed, ...rest }) => rest)
    : [];
  return { versions: versions.map((v) => ({ version: v.version.text, clusters: v.clusters })), newest: newest?.text ?? null, lagging, unknown };
}
