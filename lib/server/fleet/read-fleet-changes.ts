import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TFleetCluster, TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { prisma } from "../db/prisma";
import { FLEET_COLUMNS, FLEET_FROM, toFleetCluster, type FleetRow } from "./fleet-row-sql";
import { fleetSummarySql, toFleetSummary, utc, type FleetSummaryRow } from "./fleet-summary-sql";

/** The query client of fleet reads (tests pass one that counts queries). */
export type FleetDb = Pick<PrismaClient, "$queryRaw">;

export interface FleetChanges {
  summary: TFleetSummary;
  /** Rows whose signature differs from the caller's (all rows when it knows none). */
  changed: Array<{ row: TFleetCluster; sig: string }>;
  /** Known ids that no longer exist. */
  removed: string[];
  at: Date;
}

const DATE_FIELDS = ["stateSince", "lastSeenAt", "collectedAt", "changedAt", "edgexLastReadingAt"] as const;

/**
 * What identifies a row's displayed content, computed in Postgres: cluster fields, the
 * snapshot's `changedAt` (bumped by the collector whenever a number or the error changes),
 * whether it is still fresh, and the alert counts. Not the collection time, and not
 * lastSeenAt while Active — both advance for every healthy cluster all the time.
 */
function signatureSql(staleBefore: Date): Prisma.Sql {
  return Prisma.sql`md5(row(c.id, c.name, c."displayName", c.region, c.site, c.labels, c.state, c."stateReason", c."stateSince",
    CASE WHEN c.state <> 'active' THEN c."lastSeenAt" END, c."kubernetesVersion", s."changedAt", s.error,
    s."collectedAt" >= ${staleBefore}, a.open, a.unacked)::text)`;
}

/**
 * The stream hub's read — ONE statement per interval, whatever the number of viewers:
 * the fleet totals, the rows whose signature differs from `known` (id → signature), and the
 * known ids that are gone. Comparing in Postgres means a quiet fleet of 10,000 clusters
 * transfers the totals and nothing else.
 */
export async function readFleetChanges(known: ReadonlyMap<string, string>, intervalMs: number, db: FleetDb = prisma): Promise<FleetChanges> {
  const at = new Date();
  const staleBefore = new Date(at.getTime() - intervalMs * 2.5);
  const ids = [...known.keys()];
  const sigs = [...known.values()];
  const [r] = await db.$queryRaw<Array<{ summary: string; changed: string; removed: string }>>`
    WITH k AS (SELECT * FROM unnest(${ids}::text[], ${sigs}::text[]) AS k(id, sig)),
    fr AS (SELECT ${FLEET_COLUMNS}, ${signatureSql(staleBefore)} AS sig ${FLEET_FROM})
    SELECT
      (SELECT row_to_json(x)::text FROM (${fleetSummarySql(staleBefore)}) x) AS summary,
      (SELECT COALESCE(json_agg(fr), '[]')::text FROM fr LEFT JOIN k ON k.id = fr.id WHERE k.sig IS DISTINCT FROM fr.sig) AS changed,
      (SELECT COALESCE(json_agg(k.id), '[]')::text FROM k WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = k.id)) AS removed`;
  const raw = JSON.parse(r!.changed) as Array<Record<string, unknown> & { sig: string }>;
  const changed = raw.map((json) => {
    for (const f of DATE_FIELDS) json[f] = utc(json[f] as string | null);
    return { row: toFleetCluster(json as unknown as FleetRow, at, intervalMs), sig: json.sig };
  });
  return { summary: toFleetSummary(JSON.parse(r!.summary) as FleetSummaryRow, at), changed, removed: JSON.parse(r!.removed) as string[], at };
}
