import "server-only";
import type { TTrendPoint } from "@/lib/shared/fleet/fleet-api.schema";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";

/** Points per chart: the history is bucketed to this many at most. */
const BUCKETS = 96;

/**
 * A cluster's trend over the last `hours` from snapshot history, in at most 96 buckets,
 * each showing its worst moment (fewest nodes ready, most failing pods) so a short outage
 * is not averaged away.
 */
export async function getClusterTrends(clusterId: string, hours: number): Promise<{ points: TTrendPoint[]; from: string; to: string }> {
  const cluster = await prisma.cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
  if (!cluster) throw notFound("Cluster");
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3_600_000);
  const bucketSeconds = Math.ceil((hours * 3600) / BUCKETS);
  const rows = await prisma.$queryRaw<Array<{ at: Date; nodesReady: number; nodesTotal: number; podsFailing: number }>>`
    SELECT to_timestamp(floor(extract(epoch FROM at) / ${bucketSeconds}) * ${bucketSeconds}) AS at,
      min("nodesReady")::int AS "nodesReady", max("nodesTotal")::int AS "nodesTotal", max("podsFailing")::int AS "podsFailing"
    FROM fleet_snapshot_history WHERE "clusterId" = ${clusterId} AND at >= ${from}
    GROUP BY 1 ORDER BY 1`;
  return { points: rows.map((r) => ({ ...r, at: r.at.toISOString() })), from: from.toISOString(), to: to.toISOString() };
}
