import "server-only";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { prisma } from "../db/prisma";
import { ApiError, notFound } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { toFleetAlert } from "./to-fleet-alert";

/**
 * Acknowledges an open alert (or withdraws the acknowledgement with `ack: false`), audited.
 * A resolved alert cannot be acknowledged (409): there is nothing left to own.
 */
export async function ackFleetAlert(id: string, ack: boolean, actor: AuditActor, meta?: RequestMeta): Promise<TFleetAlert> {
  return prisma.$transaction(async (tx) => {
    const alert = await tx.fleetAlert.findUnique({ where: { id } });
    if (!alert) throw notFound("Alert");
    if (alert.resolvedAt) throw new ApiError("conflict", "The alert is already resolved");
    const updated = await tx.fleetAlert.update({
      where: { id },
      data: ack ? { ackedAt: new Date(), ackedById: actor.id, ackedByName: actor.name } : { ackedAt: null, ackedById: null, ackedByName: null },
    });
    await recordAuditEvent(
      {
        actor,
        action: ack ? "fleet.alert.ack" : "fleet.alert.unack",
        target: { type: "alert", id, name: `${alert.rule} ${alert.subject}`.trim() },
        ip: meta?.ip,
        requestId: meta?.requestId,
        details: { clusterId: alert.clusterId, rule: alert.rule },
      },
      tx,
    );
    return toFleetAlert(updated);
  });
}
