import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { batchCalls } from "../db/batch-calls";
import { prisma } from "../db/prisma";

/** A tunnel of a cluster came up (connectedAt = lastSeenAt = at) or went down (disconnectedAt = at). */
export interface ConnectionEvent {
  clusterId: string;
  connected: boolean;
  at: Date;
}

/**
 * Stores tunnel comings and goings in batches: one UPDATE per 100 ms for every cluster whose
 * agent connected or left, instead of one per event (a console restart brings thousands at
 * once). Batches run in order; within one, a cluster's last event wins. Resolves once stored.
 */
export const recordConnectionEvent = batchCalls(async (events: ConnectionEvent[]): Promise<void[]> => {
  const last = new Map(events.map((e) => [e.clusterId, e]));
  const rows = [...last.values()].map((e) => Prisma.sql`(${e.clusterId}, ${e.connected}::boolean, ${e.at}::timestamp)`);
  await prisma.$executeRaw`
    UPDATE clusters c
       SET "connectedAt" = CASE WHEN v.connected THEN v.at ELSE c."connectedAt" END,
           "lastSeenAt" = CASE WHEN v.connected THEN v.at ELSE c."lastSeenAt" END,
           "disconnectedAt" = CASE WHEN v.connected THEN NULL ELSE v.at END,
           "updatedAt" = v.at
      FROM (VALUES ${Prisma.join(rows)}) AS v(id, connected, at)
     WHERE c.id = v.id`;
  return events.map(() => undefined);
}, { delayMs: 100 });
