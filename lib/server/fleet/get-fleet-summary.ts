import "server-only";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { prisma } from "../db/prisma";
import { fleetSummarySql, toFleetSummary, type FleetSummaryRow } from "./fleet-summary-sql";

/** Fleet totals in ONE aggregate query (see fleetSummarySql for the definitions). */
export async function getFleetSummary(intervalMs: number): Promise<TFleetSummary> {
  const at = new Date();
  const [row] = await prisma.$queryRaw<FleetSummaryRow[]>(fleetSummarySql(new Date(at.getTime() - intervalMs * 2.5)));
  return toFleetSummary(row!, at);
}
