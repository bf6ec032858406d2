import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type TransactionClient } from "../db/prisma";
import { consoleMetrics } from "../metrics/console-metrics";
import { redactSecrets } from "./redact-secrets";

export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  /** `denied`: refused by the console's own permission check (nothing reached a cluster). */
  outcome?: "success" | "failure" | "denied";
  target?: { type: string; id?: string; name?: string };
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** Actor for events caused by the console itself (bootstrap, health collector). */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: "system" };

/**
 * Appends an audit event (inside `tx` when given, so it commits or rolls back with the
 * change it records). Details are redacted: no secret is ever stored.
 */
export async function recordAuditEvent(input: AuditEventInput, tx: TransactionClient = prisma): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      outcome: input.outcome ?? "success",
      targetType: input.target?.type,
      targetId: input.target?.id,
      targetName: input.target?.name,
      ip: input.ip,
      requestId: input.requestId,
      details: input.details ? (redactSecrets(input.details) as Prisma.InputJsonValue) : undefined,
    },
  });
  consoleMetrics().auditEvents.inc({ action: input.action, outcome: input.outcome ?? "success" });
}
