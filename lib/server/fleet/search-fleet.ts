import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TFleetSearchHit } from "@/lib/shared/fleet/fleet-api.schema";
import { fleetObjectHref } from "@/lib/shared/fleet/fleet-links";
import type { TFleetSearchQuery, TSearchKind } from "@/lib/shared/fleet/fleet-query.schema";
import { ALL_CLUSTERS, clusterIdSql, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";

interface Row {
  clusterId: string;
  clusterName: string;
  kind: TSearchKind;
  namespace: string;
  name: string;
  status: string;
  labels: unknown;
}

/**
 * Cross-cluster search of pods, nodes, deployments and EdgeX devices by name, namespace or
 * label (`app=web`, or any part of it) in the snapshot index — a trigram-indexed substring
 * match, never a call to a cluster. Exact name matches first.
 */
export async function searchFleet(q: TFleetSearchQuery, scope: ClusterScope = ALL_CLUSTERS): Promise<{ items: TFleetSearchHit[] }> {
  const term = q.q.toLowerCase();
  const pattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const kind = q.kind ? Prisma.sql`AND e.kind = ${q.kind}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT e."clusterId", c.name AS "clusterName", e.kind, e.namespace, e.name, e.status, e.labels
    FROM fleet_search_entries e JOIN clusters c ON c.id = e."clusterId"
    WHERE e.text LIKE ${pattern} ${kind} ${clusterIdSql(scope, Prisma.sql`e."clusterId"`)}
    ORDER BY (lower(e.name) = ${term}) DESC, e.name, c.name
    LIMIT ${q.limit}`;
  return {
    items: rows.map((r) => ({
      clusterId: r.clusterId,
      clusterName: r.clusterName,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      status: r.status,
      labels: (r.labels ?? {}) as Record<string, string>,
      href: fleetObjectHref(r.kind, r.clusterId, r.namespace, r.name),
    })),
  };
}
