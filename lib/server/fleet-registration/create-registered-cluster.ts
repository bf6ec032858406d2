import "server-only";
import type { Cluster, FleetRegistration } from "@/lib/generated/prisma/client";
import { randomBytes } from "node:crypto";
import type { TransactionClient } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import type { RequestMeta } from "../http/request-meta";

/** `<name>-<suffix>`, still a DNS-1123 label of at most 63 characters. */
function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, 62 - suffix.length).replace(/-+$/, "")}-${suffix}`;
}

/**
 * The cluster of an approved registration, in the caller's transaction: its proposed (or
 * corrected) name — with part of the machine id appended when the name is taken — display
 * name and labels; `region`/`site` from the labels of those names. Audited as
 * `cluster.create` with the registration it came from.
 */
export async function createRegisteredCluster(tx: TransactionClient, registration: FleetRegistration, actor: AuditActor, meta: Partial<RequestMeta> = {}): Promise<Cluster> {
  const labels = (registration.labels ?? {}) as Record<string, string>;
  const candidates = [registration.name, withSuffix(registration.name, registration.machineId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 6)), withSuffix(registration.name, randomBytes(3).toString("hex"))];
  let name: string | undefined;
  for (const candidate of candidates) {
    if (!(await tx.cluster.findUnique({ where: { name: candidate }, select: { id: true } }))) {
      name = candidate;
      break;
    }
  }
  const cluster = await tx.cluster.create({
    data: {
      name: name ?? withSuffix(registration.name, randomBytes(4).toString("hex")),
      displayName: registration.displayName,
      labels,
      region: labels.region || null,
      site: labels.site || null,
      kubernetesVersion: registration.k3sVersion,
    },
  });
  await tx.fleetRegistration.update({ where: { id: registration.id }, data: { clusterId: cluster.id, name: cluster.name } });
  await recordAuditEvent(
    {
      actor,
      action: "cluster.create",
      target: { type: "cluster", id: cluster.id, name: cluster.name },
      details: { via: "fleet-registration", registrationId: registration.id, fleetTokenId: registration.fleetTokenId, machineId: registration.machineId, labels },
      ip: meta.ip,
      requestId: meta.requestId,
    },
    tx,
  );
  return cluster;
}
