import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEvent, TAuditQuery } from "@/lib/shared/audit/audit.schema";
import { prisma } from "../db/prisma";

/** Audit events, newest first, filtered; keyset-paged by `before` (an event id). */
export async function listAuditEvents(query: TAuditQuery): Promise<{ items: TAuditEvent[]; nextBefore: string | null }> {
  const where: Prisma.AuditEventWhereInput = {
    ...(query.actor ? { actorName: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.target
      ? { OR: [{ targetName: { contains: query.target, mode: "insensitive" } }, { targetId: query.target }] }
      : {}),
    ...(query.since || query.until
      ? { at: { ...(query.since ? { gte: new Date(query.since) } : {}), ...(query.until ? { lte: new Date(query.until) } : {}) } }
      : {}),
    ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
  };
  const rows = await prisma.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      outcome: r.outcome,
      targetType: r.targetType,
      targetId: r.targetId,
      targetName: r.targetName,
      ip: r.ip,
      requestId: r.requestId,
      details: r.details ?? null,
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
