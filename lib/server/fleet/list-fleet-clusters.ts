import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TFleetClustersPage } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetClustersQuery, TFleetGroup, TFleetSort } from "@/lib/shared/fleet/fleet-query.schema";
import { ALL_CLUSTERS, clusterIdSql, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { FLEET_COLUMNS, FLEET_FROM, toFleetCluster, type FleetRow } from "./fleet-row-sql";

// Sort keys → SQL. Only these fragments reach the query; user input never does.
const VERSION_PARTS = Prisma.sql`regexp_match(COALESCE(c."kubernetesVersion", s."kubernetesVersion"), '^v?(\\d+)\\.(\\d+)')`;
const SORT_SQL: Record<TFleetSort, Prisma.Sql[]> = {
  name: [Prisma.sql`c.name`],
  // Ascending = worst first: Unavailable, Pending, Active.
  state: [Prisma.sql`CASE c.state WHEN 'unavailable' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END`],
  region: [Prisma.sql`c.region`],
  site: [Prisma.sql`c.site`],
  // Numerically by major, minor: v1.9 before v1.31.
  version: [Prisma.sql`((${VERSION_PARTS})[1])::int`, Prisma.sql`((${VERSION_PARTS})[2])::int`],
  // Not-ready nodes.
  nodes: [Prisma.sql`(s."nodesTotal" - s."nodesReady")`],
  failingPods: [Prisma.sql`s."podsFailing"`],
  warnings: [Prisma.sql`s."warningEvents"`],
  lastSeen: [Prisma.sql`c."lastSeenAt"`],
  dataAge: [Prisma.sql`s."collectedAt"`],
};

function groupSql(group: TFleetGroup): Prisma.Sql {
  if (group === "region") return Prisma.sql`c.region`;
  if (group === "site") return Prisma.sql`c.site`;
  if (group === "state") return Prisma.sql`c.state::text`;
  return Prisma.sql`(c.labels ->> ${group.slice("label:".length)})`;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function whereSql(q: TFleetClustersQuery, staleBefore: Date, scope: ClusterScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (!scope.all) conditions.push(Prisma.sql`true ${clusterIdSql(scope, Prisma.sql`c.id`)}`);
  if (q.q) {
    const p = likePattern(q.q);
    conditions.push(Prisma.sql`(c.name ILIKE ${p} OR c."displayName" ILIKE ${p} OR c.region ILIKE ${p} OR c.site ILIKE ${p} OR c.labels::text ILIKE ${p})`);
  }
  if (q.state) conditions.push(Prisma.sql`c.state = ${q.state}::"ClusterState"`);
  if (q.region) conditions.push(Prisma.sql`c.region = ${q.region}`);
  if (q.site) conditions.push(Prisma.sql`c.site = ${q.site}`);
  if (q.label && Object.keys(q.label).length) conditions.push(Prisma.sql`c.labels @> ${JSON.stringify(q.label)}::jsonb`);
  if (q.problems) {
    conditions.push(Prisma.sql`(c.state <> 'active' OR s."clusterId" IS NULL OR s."collectedAt" < ${staleBefore}
      OR s."podsFailing" > 0 OR s."nodesReady" < s."nodesTotal" OR s."deploymentsUnavailable" > 0
      OR s."statefulSetsUnavailable" > 0 OR s."daemonSetsUnavailable" > 0 OR s."notCurrentSince" IS NOT NULL OR COALESCE(a.open, 0) > 0)`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * A page of the fleet: filter (search, state, region, site, labels, problems), sort, group
 * and offset paging, all in Postgres — one query for the page (with the total as a window
 * count) plus one for the group sizes when grouping.
 */
export async function listFleetClusters(q: TFleetClustersQuery, intervalMs: number, scope: ClusterScope = ALL_CLUSTERS): Promise<TFleetClustersPage> {
  const now = new Date();
  const where = whereSql(q, new Date(now.getTime() - intervalMs * 2.5), scope);
  const dir = q.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = [
    ...(q.group ? [Prisma.sql`${groupSql(q.group)} ASC NULLS LAST`] : []),
    ...SORT_SQL[q.sort].map((s) => Prisma.sql`${s} ${dir} NULLS LAST`),
    Prisma.sql`c.name ASC`,
    Prisma.sql`c.id ASC`,
  ];
  const rows = await prisma.$queryRaw<Array<FleetRow & { total: number }>>`
    SELECT ${FLEET_COLUMNS}, (count(*) OVER ())::int AS total ${FLEET_FROM} ${where}
    ORDER BY ${Prisma.join(order)} LIMIT ${q.limit} OFFSET ${q.offset}`;
  let total = rows[0]?.total;
  if (total === undefined) {
    const [c] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n ${FLEET_FROM} ${where}`;
    total = c?.n ?? 0;
  }
  let groups: TFleetClustersPage["groups"] = null;
  if (q.group) {
    const g = groupSql(q.group);
    groups = await prisma.$queryRaw<Array<{ key: string | null; count: number }>>`
      SELECT ${g} AS key, count(*)::int AS count ${FLEET_FROM} ${where} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`;
  }
  return { items: rows.map((r) => toFleetCluster(r, now, intervalMs)), total, offset: q.offset, limit: q.limit, groups, at: now.toISOString() };
}
