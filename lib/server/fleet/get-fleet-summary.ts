import "server-only";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { ALL_CLUSTERS, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { fleetSummarySql, toFleetSummary, type FleetSummaryRow } from "./fleet-summary-sql";

/** Fleet totals in ONE aggregate query (see fleetSummarySql for the definitions), over the clusters in `scope`. */
export async function getFleetSummary(intervalMs: number, scope: ClusterScope = ALL_CLUSTERS, db: Pick<typeof prisma, "$queryRaw"> = prisma): Promise<TFleetSummary> {
  const at = new Date();
  const [row] = await db.$queryRaw<FleetSummaryRow[]>(fleetSummarySql(new Date(at.getTime() - intervalMs * 2.5), scope));
  return toFleetSummary(row!, at);
}
