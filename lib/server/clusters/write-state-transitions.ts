import "server-only";
import { Prisma, type ClusterState } from "@/lib/generated/prisma/client";
import { SYSTEM_ACTOR } from "../audit/record-audit-event";
import { redactSecrets } from "../audit/redact-secrets";
import { prisma } from "../db/prisma";

/** One derived change of a cluster's state or reason, from what the deriving pass read. */
export interface StateChange {
  id: string;
  from: ClusterState;
  fromReason: string | null;
  to: ClusterState;
  reason: string | null;
}

/** A change that was written: the row still held `from` / `fromReason` when it was applied. */
export interface AppliedChange extends StateChange {
  name: string;
}

/**
 * Writes state changes idempotently, one statement for the batch: each row is updated only
 * while it still holds the state and reason the pass read (compare-and-set), and a
 * `cluster.state` audit event is inserted for exactly the rows whose state changed in that
 * update. Two passes that derived the same transition (a coalesced check overlapping the
 * periodic pass, or two replicas) therefore write and audit it once; the loser gets nothing
 * back. Returns the changes applied.
 */
export async function writeStateTransitions(changes: StateChange[], now: Date): Promise<AppliedChange[]> {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => {
    const details = JSON.stringify(redactSecrets({ from: c.from, to: c.to, reason: c.reason }));
    return Prisma.sql`(${c.id}, ${c.from}, ${c.fromReason}, ${c.to}, ${c.reason}, ${details})`;
  });
  return prisma.$queryRaw<AppliedChange[]>`
    WITH v(id, from_state, from_reason, to_state, to_reason, details) AS (VALUES ${Prisma.join(rows)}),
    applied AS (
      UPDATE clusters c
         SET state = v.to_state::"ClusterState",
             "stateReason" = v.to_reason,
             "stateSince" = CASE WHEN c.state = v.to_state::"ClusterState" THEN c."stateSince" ELSE ${now}::timestamp END,
             "updatedAt" = ${now}::timestamp
        FROM v
       WHERE c.id = v.id
         AND c.state = v.from_state::"ClusterState"
         AND c."stateReason" IS NOT DISTINCT FROM v.from_reason
      RETURNING c.id, c.name, v.from_state, v.from_reason, v.to_state, v.to_reason, v.details
    ),
    audited AS (
      INSERT INTO audit_events ("actorId", "actorName", action, "targetType", "targetId", "targetName", details, at)
      SELECT ${SYSTEM_ACTOR.id}, ${SYSTEM_ACTOR.name}, 'cluster.state', 'cluster', a.id, a.name, a.details::jsonb, ${now}::timestamp
        FROM applied a
       WHERE a.from_state <> a.to_state
    )
    SELECT id, name, from_state AS "from", from_reason AS "fromReason", to_state AS "to", to_reason AS reason FROM applied`;
}
