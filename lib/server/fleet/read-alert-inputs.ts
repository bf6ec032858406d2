import "server-only";
import type { AlertInputCluster } from "@/lib/shared/fleet/alert-rules";
import type { THealthDetails } from "@/lib/shared/fleet/fleet.schema";
import type { TClusterState } from "@/lib/shared/clusters/clusters.schema";
import { prisma } from "../db/prisma";

interface Row {
  id: string;
  name: string;
  state: TClusterState;
  stateSince: Date;
  kubernetesVersion: string | null;
  hasSnapshot: boolean;
  podsCrashLooping: number | null;
  edgexServicesUp: number | null;
  edgexServicesTotal: number | null;
  edgexDevicesUp: number | null;
  edgexDevicesTotal: number | null;
  details: Partial<THealthDetails> | null;
}

/** What the alert rules read, for every cluster, in one query. */
export async function readAlertInputs(): Promise<AlertInputCluster[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT c.id, c.name, c.state::text AS state, c."stateSince", COALESCE(c."kubernetesVersion", s."kubernetesVersion") AS "kubernetesVersion",
      s."clusterId" IS NOT NULL AS "hasSnapshot", s."podsCrashLooping", s."edgexServicesUp", s."edgexServicesTotal",
      s."edgexDevicesUp", s."edgexDevicesTotal",
      -- Names behind the numbers only matter for Active clusters (the other rules read none).
      CASE WHEN c.state = 'active' THEN s.details END AS details
    FROM clusters c LEFT JOIN fleet_snapshots s ON s."clusterId" = c.id`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    stateSince: r.stateSince,
    kubernetesVersion: r.kubernetesVersion,
    snapshot: r.hasSnapshot
      ? {
          podsCrashLooping: r.podsCrashLooping ?? 0,
          edgex:
            r.edgexServicesTotal === null
              ? null
              : { servicesUp: r.edgexServicesUp ?? 0, servicesTotal: r.edgexServicesTotal, devicesUp: r.edgexDevicesUp ?? 0, devicesTotal: r.edgexDevicesTotal ?? 0, lastReadingAt: null },
          details: { notReadyNodes: r.details?.notReadyNodes ?? [], crashLoopingPods: r.details?.crashLoopingPods ?? [], edgexServicesDown: r.details?.edgexServicesDown ?? [] },
        }
      : null,
  }));
}
