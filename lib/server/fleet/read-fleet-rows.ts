import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { prisma } from "../db/prisma";
import { FLEET_COLUMNS, FLEET_FROM, toFleetCluster, type FleetRow } from "./fleet-row-sql";

/** The query client of fleet reads (tests pass one that counts queries). */
export type FleetDb = Pick<PrismaClient, "$queryRaw">;

/**
 * Every cluster of the fleet with its last-known snapshot and alert counts — ONE query.
 * The stream hub runs this once per interval for all connected dashboards.
 */
export async function readFleetRows(intervalMs: number, db: FleetDb = prisma): Promise<{ rows: TFleetCluster[]; at: Date }> {
  const raw = await db.$queryRaw<FleetRow[]>(Prisma.sql`SELECT ${FLEET_COLUMNS} ${FLEET_FROM} ORDER BY c.name`);
  const at = new Date();
  return { rows: raw.map((r) => toFleetCluster(r, at, intervalMs)), at };
}
