import "server-only";
import type { TApproveRegistration, TFleetRegistration } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError, notFound } from "../http/api-error";
import { createRegisteredCluster } from "./create-registered-cluster";
import { toFleetRegistrationDto } from "./to-fleet-dtos";

type Decision = { approve: true; changes: TApproveRegistration } | { approve: false };

/**
 * Approves (optionally correcting name, display name and labels) or rejects a pending
 * registration. Approval creates the cluster; its agent receives the credential at its
 * next ask. A rejected registration may still be approved later (its agent keeps asking,
 * slowly); an approved one cannot be rejected — delete the cluster instead.
 */
export async function decideFleetRegistration(id: string, decision: Decision, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TFleetRegistration> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM fleet_registrations WHERE id = ${id} FOR UPDATE`;
    const registration = await tx.fleetRegistration.findUnique({ where: { id } });
    if (!registration) throw notFound("Registration");
    if (registration.state === "approved") throw new ApiError("conflict", "This registration is already approved");
    if (!decision.approve && registration.state === "rejected") throw new ApiError("conflict", "This registration is already rejected");
    if (decision.approve && decision.changes.name && decision.changes.name !== registration.name && (await tx.cluster.findUnique({ where: { name: decision.changes.name }, select: { id: true } }))) {
      throw new ApiError("conflict", `A cluster named "${decision.changes.name}" already exists`, { fields: { name: "is already taken" } });
    }
    const changes = decision.approve ? decision.changes : {};
    const updated = await tx.fleetRegistration.update({
      where: { id },
      data: { state: decision.approve ? "approved" : "rejected", decidedAt: new Date(), decidedByName: actor.name, ...changes },
    });
    await recordAuditEvent(
      { actor, action: decision.approve ? "fleet.registration.approve" : "fleet.registration.reject", target: { type: "fleet-registration", id, name: updated.name }, details: { machineId: registration.machineId, fleetTokenId: registration.fleetTokenId, ...changes }, ...meta },
      tx,
    );
    if (decision.approve) await createRegisteredCluster(tx, updated, actor, meta);
    const row = await tx.fleetRegistration.findUniqueOrThrow({ where: { id }, include: { fleetToken: { select: { id: true, name: true } } } });
    return toFleetRegistrationDto(row);
  });
}
