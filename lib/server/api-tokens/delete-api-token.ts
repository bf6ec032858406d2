import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { auditActorOf, type Principal } from "../auth/principal";
import { notFound } from "../http/api-error";

/** Revokes one of the caller's own API tokens (another user's token is "not found"). */
export async function deleteApiToken(principal: Principal, id: string, meta: { ip?: string; requestId?: string } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: principal.userId } });
    if (!token) throw notFound("API token");
    await tx.apiToken.delete({ where: { id } });
    await recordAuditEvent(
      { actor: auditActorOf(principal), action: "token.delete", target: { type: "api-token", id, name: token.name }, ...meta },
      tx,
    );
  });
}
