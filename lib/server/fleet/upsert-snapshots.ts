import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TClusterHealth } from "@/lib/shared/fleet/fleet.schema";
import { prisma } from "../db/prisma";

export interface SnapshotWrite {
  clusterId: string;
  health: TClusterHealth;
  error: string | null;
  changedAt: Date;
}

const CHUNK = 200; // 28 parameters per row: well under Postgres' 65,535 per statement

function values(w: SnapshotWrite, collectedAt: Date): Prisma.Sql {
  const h = w.health;
  const e = h.edgex;
  const ss = h.workloads?.statefulSets;
  const ds = h.workloads?.daemonSets;
  return Prisma.sql`(${w.clusterId}, ${collectedAt}, ${w.changedAt}, ${h.nodes.ready}, ${h.nodes.total}, ${h.pods.total}, ${h.pods.running},
    ${h.pods.pending}, ${h.pods.succeeded}, ${h.pods.failed}, ${h.pods.unknown}, ${h.pods.failing}, ${h.pods.crashLooping},
    ${h.deployments.total}, ${h.deployments.unavailable}, ${ss?.total ?? null}::int, ${ss?.unavailable ?? null}::int,
    ${ds?.total ?? null}::int, ${ds?.unavailable ?? null}::int, ${h.warningEvents}, ${h.kubernetesVersion},
    ${e?.servicesUp ?? null}::int, ${e?.servicesTotal ?? null}::int, ${e?.devicesUp ?? null}::int, ${e?.devicesTotal ?? null}::int,
    ${e?.lastReadingAt ? new Date(e.lastReadingAt) : null}::timestamp(3), ${JSON.stringify(h.details)}::jsonb, ${w.error})`;
}

/**
 * Inserts or replaces the latest snapshot of each cluster, 200 rows per statement (the first
 * pass over 10,000 clusters is 50 statements, not 10,000).
 */
export async function upsertSnapshots(writes: SnapshotWrite[], collectedAt: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += CHUNK) {
    const rows = writes.slice(i, i + CHUNK).map((w) => values(w, collectedAt));
    await prisma.$executeRaw`
      INSERT INTO fleet_snapshots ("clusterId", "collectedAt", "changedAt", "nodesReady", "nodesTotal", "podsTotal", "podsRunning",
        "podsPending", "podsSucceeded", "podsFailed", "podsUnknown", "podsFailing", "podsCrashLooping",
        "deploymentsTotal", "deploymentsUnavailable", "statefulSetsTotal", "statefulSetsUnavailable",
        "daemonSetsTotal", "daemonSetsUnavailable", "warningEvents", "kubernetesVersion",
        "edgexServicesUp", "edgexServicesTotal", "edgexDevicesUp", "edgexDevicesTotal", "edgexLastReadingAt", "details", "error")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("clusterId") DO UPDATE SET
        "collectedAt" = EXCLUDED."collectedAt", "changedAt" = EXCLUDED."changedAt",
        "nodesReady" = EXCLUDED."nodesReady", "nodesTotal" = EXCLUDED."nodesTotal", "podsTotal" = EXCLUDED."podsTotal",
        "podsRunning" = EXCLUDED."podsRunning", "podsPending" = EXCLUDED."podsPending", "podsSucceeded" = EXCLUDED."podsSucceeded",
        "podsFailed" = EXCLUDED."podsFailed", "podsUnknown" = EXCLUDED."podsUnknown", "podsFailing" = EXCLUDED."podsFailing",
        "podsCrashLooping" = EXCLUDED."podsCrashLooping", "deploymentsTotal" = EXCLUDED."deploymentsTotal",
        "deploymentsUnavailable" = EXCLUDED."deploymentsUnavailable", "statefulSetsTotal" = EXCLUDED."statefulSetsTotal",
        "statefulSetsUnavailable" = EXCLUDED."statefulSetsUnavailable", "daemonSetsTotal" = EXCLUDED."daemonSetsTotal",
        "daemonSetsUnavailable" = EXCLUDED."daemonSetsUnavailable", "warningEvents" = EXCLUDED."warningEvents",
        "kubernetesVersion" = EXCLUDED."kubernetesVersion", "edgexServicesUp" = EXCLUDED."edgexServicesUp",
        "edgexServicesTotal" = EXCLUDED."edgexServicesTotal", "edgexDevicesUp" = EXCLUDED."edgexDevicesUp",
        "edgexDevicesTotal" = EXCLUDED."edgexDevicesTotal", "edgexLastReadingAt" = EXCLUDED."edgexLastReadingAt",
        "details" = EXCLUDED."details", "error" = EXCLUDED."error", "notCurrentSince" = NULL`;
  }
}

/** Marks unchanged snapshots as current: one statement for every cluster of the pass. */
export async function touchSnapshots(clusterIds: string[], collectedAt: Date): Promise<void> {
  if (clusterIds.length === 0) return;
  await prisma.$executeRaw`UPDATE fleet_snapshots SET "collectedAt" = ${collectedAt} WHERE "clusterId" = ANY(${clusterIds}::text[])`;
}

/**
 * Records why snapshots could not be refreshed; their numbers and collectedAt stay
 * (last-known). changedAt moves: the error is part of what dashboards show. `notCurrentSince`
 * (the agent says its caches are not current) makes the snapshot stale at once.
 */
export async function markSnapshotErrors(errors: Array<{ clusterId: string; error: string; notCurrentSince?: Date }>, at: Date): Promise<void> {
  for (const { clusterId, error, notCurrentSince } of errors) {
    await prisma.fleetSnapshot.updateMany({ where: { clusterId }, data: { error: error.slice(0, 500), changedAt: at, notCurrentSince: notCurrentSince ?? null } });
  }
}
