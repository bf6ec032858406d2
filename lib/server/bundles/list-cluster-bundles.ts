import "server-only";
import type { TClusterBundle } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";

/** The bundles targeting one cluster and their state there (the cluster page). */
export async function listClusterBundles(clusterId: string): Promise<{ items: TClusterBundle[] }> {
  const rows = await prisma.bundleDeployment.findMany({
    where: { clusterId, targeted: true },
    select: { state: true, message: true, appliedRevision: true, bundle: { select: { id: true, name: true, targetRevision: true } } },
    orderBy: { bundle: { name: "asc" } },
  });
  return { items: rows.map((r) => ({ bundleId: r.bundle.id, bundleName: r.bundle.name, state: r.state, message: r.message, appliedRevision: r.appliedRevision, targetRevision: r.bundle.targetRevision })) };
}
