import "server-only";
import type { FleetRegistration, FleetToken } from "@/lib/generated/prisma/client";
import type { TFleetRegistration, TFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";

/** The API shape of a fleet token (never its value or hash). */
export function toFleetTokenDto(token: FleetToken): TFleetToken {
  const status = token.revokedAt ? "revoked" : token.expiresAt <= new Date() ? "expired" : token.maxUses !== null && token.useCount >= token.maxUses ? "exhausted" : "usable";
  return {
    id: token.id,
    name: token.name,
    labelTemplate: token.labelTemplate,
    nameTemplate: token.nameTemplate,
    requireApproval: token.requireApproval,
    maxUses: token.maxUses,
    useCount: token.useCount,
    expiresAt: token.expiresAt.toISOString(),
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
    createdByName: token.createdByName,
    status,
  };
}

/** The API shape of a registration: what the machine reported and what was proposed or decided. */
export function toFleetRegistrationDto(r: FleetRegistration & { fleetToken: { id: string; name: string } | null }): TFleetRegistration {
  return {
    id: r.id,
    state: r.state,
    machineId: r.machineId,
    nodeName: r.nodeName,
    arch: r.arch,
    k3sVersion: r.k3sVersion,
    agentVersion: r.agentVersion,
    reportedLabels: (r.reportedLabels ?? {}) as Record<string, string>,
    name: r.name,
    displayName: r.displayName,
    labels: (r.labels ?? {}) as Record<string, string>,
    clusterId: r.clusterId,
    fleetToken: r.fleetToken ? { id: r.fleetToken.id, name: r.fleetToken.name } : null,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
  };
}
