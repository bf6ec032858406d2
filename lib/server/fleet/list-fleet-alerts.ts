import "server-only";
import { Prisma, type FleetAlert } from "@/lib/generated/prisma/client";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetAlertsQuery } from "@/lib/shared/fleet/fleet-query.schema";
import { ALL_CLUSTERS, clusterIdSql, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { toFleetAlert } from "./to-fleet-alert";

/**
 * Alerts as a NOC works them down: open first, by severity (critical, warning, info), then
 * the oldest condition first; resolved ones newest first. Names come from the clusters table
 * while the cluster exists.
 */
export async function listFleetAlerts(q: TFleetAlertsQuery, scope: ClusterScope = ALL_CLUSTERS): Promise<{ items: TFleetAlert[]; total: number }> {
  const conditions: Prisma.Sql[] = [];
  if (!scope.all) conditions.push(Prisma.sql`true ${clusterIdSql(scope, Prisma.sql`a."clusterId"`)}`);
  if (q.status === "open") conditions.push(Prisma.sql`a."resolvedAt" IS NULL`);
  if (q.status === "resolved") conditions.push(Prisma.sql`a."resolvedAt" IS NOT NULL`);
  if (q.clusterId) conditions.push(Prisma.sql`a."clusterId" = ${q.clusterId}`);
  if (q.rule) conditions.push(Prisma.sql`a.rule = ${q.rule}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Array<FleetAlert & { clusterName: string | null; total: number }>>`
    SELECT a.*, c.name AS "clusterName", (count(*) OVER ())::int AS total
    FROM fleet_alerts a LEFT JOIN clusters c ON c.id = a."clusterId" ${where}
    ORDER BY (a."resolvedAt" IS NOT NULL), a."resolvedAt" DESC NULLS FIRST,
      CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.since ASC, a.id
    LIMIT ${q.limit} OFFSET ${q.offset}`;
  let total = rows[0]?.total;
  if (total === undefined) {
    const [c] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM fleet_alerts a ${where}`;
    total = c?.n ?? 0;
  }
  return { items: rows.map((r) => toFleetAlert(r, r.clusterName ?? undefined)), total };
}
