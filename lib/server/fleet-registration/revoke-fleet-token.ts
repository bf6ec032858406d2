import "server-only";
import type { TFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { notFound } from "../http/api-error";
import { toFleetTokenDto } from "./to-fleet-dtos";

/**
 * Revokes a fleet token: it admits no new machine, and agents still waiting with it are
 * refused from their next ask on; clusters already registered keep their credentials and
 * tunnels. Idempotent.
 */
export async function revokeFleetToken(id: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TFleetToken> {
  return prisma.$transaction(async (tx) => {
    const token = await tx.fleetToken.findUnique({ where: { id } });
    if (!token) throw notFound("Fleet token");
    if (token.revokedAt) return toFleetTokenDto(token);
    const revoked = await tx.fleetToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ actor, action: "fleet.token.revoke", target: { type: "fleet-token", id, name: token.name }, details: { useCount: token.useCount }, ...meta }, tx);
    return toFleetTokenDto(revoked);
  });
}
