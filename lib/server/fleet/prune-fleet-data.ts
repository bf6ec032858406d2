import "server-only";
import { prisma } from "../db/prisma";

const BATCH = 20_000;

/**
 * Retention: history points and resolved alerts older than `retentionMs`, and rows of
 * clusters that no longer exist (no foreign keys, see prisma/schema.prisma). History is
 * deleted in batches so one prune never holds a long lock on a big table.
 */
export async function pruneFleetData(retentionMs: number, now = new Date()): Promise<{ points: number; alerts: number; orphans: number }> {
  const cutoff = new Date(now.getTime() - retentionMs);
  let points = 0;
  for (;;) {
    const n = await prisma.$executeRaw`DELETE FROM fleet_snapshot_history WHERE id IN (SELECT id FROM fleet_snapshot_history WHERE at < ${cutoff} LIMIT ${BATCH})`;
    points += n;
    if (n < BATCH) break;
  }
  const alerts = (await prisma.fleetAlert.deleteMany({ where: { resolvedAt: { lt: cutoff } } })).count;
  // Every collected cluster has a snapshot, so orphaned snapshots name every deleted
  // cluster; the big history table is then deleted from by index, never anti-joined.
  const gone = (await prisma.$queryRaw<Array<{ id: string }>>`
    DELETE FROM fleet_snapshots s WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = s."clusterId") RETURNING s."clusterId" AS id`).map((r) => r.id);
  let orphans = gone.length;
  if (gone.length) {
    orphans += await prisma.$executeRaw`DELETE FROM fleet_search_entries WHERE "clusterId" = ANY(${gone}::text[])`;
    orphans += await prisma.$executeRaw`DELETE FROM fleet_nodes WHERE "clusterId" = ANY(${gone}::text[])`;
    orphans += await prisma.$executeRaw`DELETE FROM fleet_snapshot_history WHERE "clusterId" = ANY(${gone}::text[])`;
    orphans += await prisma.$executeRaw`DELETE FROM fleet_alerts WHERE "clusterId" = ANY(${gone}::text[]) AND "resolvedAt" IS NOT NULL`;
  }
  return { points, alerts, orphans };
}
