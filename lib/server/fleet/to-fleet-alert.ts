import "server-only";
import type { FleetAlert } from "@/lib/generated/prisma/client";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import type { TAlertRule, TAlertSeverity } from "@/lib/shared/fleet/alert-rules";

/** The API shape of an alert. `clusterName` falls back to the name recorded when it fired. */
export function toFleetAlert(a: FleetAlert, clusterName?: string): TFleetAlert {
  const params = (a.params ?? {}) as Record<string, string | number>;
  return {
    id: a.id,
    clusterId: a.clusterId,
    clusterName: clusterName ?? String(params.cluster ?? a.clusterId),
    rule: a.rule as TAlertRule,
    subject: a.subject,
    severity: a.severity as TAlertSeverity,
    params,
    since: a.since.toISOString(),
    firedAt: a.firedAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    ackedAt: a.ackedAt?.toISOString() ?? null,
    ackedByName: a.ackedByName,
  };
}
