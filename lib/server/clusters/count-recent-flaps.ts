import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";

/**
 * A flap is a transition Active → Unavailable (the `cluster.state` audit event the state
 * monitor writes exactly once per transition). Counted over the last hour: "flaps per hour".
 * The same SQL filter as the fleet rows' join (fleet-row-sql.ts), so both show one number.
 */
export const RECENT_FLAPS_SQL = Prisma.sql`
  SELECT "targetId" AS "clusterId", count(*)::int AS flaps
    FROM audit_events
   WHERE action = 'cluster.state' AND at > timezone('UTC', now()) - interval '1 hour'
     AND details->>'from' = 'active' AND details->>'to' = 'unavailable'`;

/** Flaps in the last hour per cluster id (0 for those without). */
export async function countRecentFlaps(clusterIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(clusterIds.map((id) => [id, 0]));
  if (clusterIds.length === 0) return counts;
  const rows = await prisma.$queryRaw<{ clusterId: string; flaps: number }[]>`
    ${RECENT_FLAPS_SQL} AND "targetId" IN (${Prisma.join(clusterIds)}) GROUP BY "targetId"`;
  for (const row of rows) counts.set(row.clusterId, row.flaps);
  return counts;
}
