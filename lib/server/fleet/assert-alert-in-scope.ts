import "server-only";
import { scopeToCluster } from "../access/cluster-scope";
import type { Principal } from "../auth/principal";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";

/** 403 unless the principal may act on the alert's cluster (scoped roles: its cluster group); 404 for an unknown alert. */
export async function assertAlertInScope(principal: Principal, alertId: string): Promise<void> {
  const alert = await prisma.fleetAlert.findUnique({ where: { id: alertId }, select: { clusterId: true } });
  if (!alert) throw notFound("Alert");
  await scopeToCluster(principal, alert.clusterId, "clusters:act");
}
