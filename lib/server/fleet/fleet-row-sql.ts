import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TClusterState } from "@/lib/shared/clusters/clusters.schema";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { isSnapshotFresh } from "@/lib/shared/fleet/snapshot-freshness";
import { RECENT_FLAPS_SQL } from "../clusters/count-recent-flaps";

/**
 * FROM clause shared by every fleet read: clusters with their latest snapshot and their
 * open-alert counts (one grouped scan of the small open-alert set). Aliases: c, s, a.
 */
export const FLEET_FROM = Prisma.sql`
  FROM clusters c
  LEFT JOIN fleet_snapshots s ON s."clusterId" = c.id
  LEFT JOIN (SELECT "clusterId", count(*)::int AS open, (count(*) FILTER (WHERE "ackedAt" IS NULL))::int AS unacked
             FROM fleet_alerts WHERE "resolvedAt" IS NULL GROUP BY "clusterId") a ON a."clusterId" = c.id
  LEFT JOIN (${RECENT_FLAPS_SQL} GROUP BY "targetId") f ON f."clusterId" = c.id`;

/** Columns of one fleet row (see FleetRow). */
export const FLEET_COLUMNS = Prisma.sql`
  c.id, c.name, c."displayName", c.region, c.site, c.labels, c.state::text AS state, c."stateReason", c."stateSince", c."lastSeenAt",
  COALESCE(c."kubernetesVersion", s."kubernetesVersion") AS "kubernetesVersion", s."clusterId" IS NOT NULL AS "hasSnapshot",
  s."collectedAt", s."changedAt", s."nodesReady", s."nodesTotal", s."podsTotal", s."podsRunning", s."podsPending", s."podsSucceeded",
  s."podsFailed", s."podsUnknown", s."podsFailing", s."podsCrashLooping", s."deploymentsTotal", s."deploymentsUnavailable",
  s."statefulSetsTotal", s."statefulSetsUnavailable", s."daemonSetsTotal", s."daemonSetsUnavailable", s."notCurrentSince",
  s."warningEvents", s."kubernetesVersion" AS "snapshotVersion", s."edgexServicesUp", s."edgexServicesTotal", s."edgexDevicesUp",
  s."edgexDevicesTotal", s."edgexLastReadingAt", s.error, COALESCE(a.open, 0) AS "alertsOpen", COALESCE(a.unacked, 0) AS "alertsUnacked",
  COALESCE(f.flaps, 0) AS "flapsPerHour"`;

export interface FleetRow {
  id: string;
  name: string;
  displayName: string;
  region: string | null;
  site: string | null;
  labels: unknown;
  state: TClusterState;
  stateReason: string | null;
  stateSince: Date;
  lastSeenAt: Date | null;
  kubernetesVersion: string | null;
  hasSnapshot: boolean;
  collectedAt: Date | null;
  changedAt: Date | null;
  nodesReady: number | null;
  nodesTotal: number | null;
  podsTotal: number | null;
  podsRunning: number | null;
  podsPending: number | null;
  podsSucceeded: number | null;
  podsFailed: number | null;
  podsUnknown: number | null;
  podsFailing: number | null;
  podsCrashLooping: number | null;
  deploymentsTotal: number | null;
  deploymentsUnavailable: number | null;
  statefulSetsTotal: number | null;
  statefulSetsUnavailable: number | null;
  daemonSetsTotal: number | null;
  daemonSetsUnavailable: number | null;
  notCurrentSince: Date | string | null;
  warningEvents: number | null;
  snapshotVersion: string | null;
  edgexServicesUp: number | null;
  edgexServicesTotal: number | null;
  edgexDevicesUp: number | null;
  edgexDevicesTotal: number | null;
  edgexLastReadingAt: Date | null;
  error: string | null;
  alertsOpen: number;
  alertsUnacked: number;
  flapsPerHour: number;
}

const n = (v: number | null) => v ?? 0;

/** Maps a fleet row to its API shape; `fresh` is judged at `now` against the collection interval. */
export function toFleetCluster(r: FleetRow, now: Date, intervalMs: number): TFleetCluster {
  return {
    id: r.id,
    name: r.name,
    displayName: r.displayName,
    region: r.region,
    site: r.site,
    labels: (r.labels ?? {}) as Record<string, string>,
    state: r.state,
    stateReason: r.stateReason,
    stateSince: r.stateSince.toISOString(),
    lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
    kubernetesVersion: r.kubernetesVersion,
    alertsOpen: r.alertsOpen,
    alertsUnacked: r.alertsUnacked,
    flapsPerHour: r.flapsPerHour,
    snapshot:
      r.hasSnapshot && r.collectedAt && r.changedAt
        ? {
            collectedAt: r.collectedAt.toISOString(),
            changedAt: r.changedAt.toISOString(),
            // An agent that says its caches are not current has numbers that are last-known now.
            fresh: isSnapshotFresh(r.collectedAt, now, intervalMs) && r.notCurrentSince === null,
            nodesReady: n(r.nodesReady),
            nodesTotal: n(r.nodesTotal),
            podsTotal: n(r.podsTotal),
            podsRunning: n(r.podsRunning),
            podsPending: n(r.podsPending),
            podsSucceeded: n(r.podsSucceeded),
            podsFailed: n(r.podsFailed),
            podsUnknown: n(r.podsUnknown),
            podsFailing: n(r.podsFailing),
            podsCrashLooping: n(r.podsCrashLooping),
            deploymentsTotal: n(r.deploymentsTotal),
            deploymentsUnavailable: n(r.deploymentsUnavailable),
            statefulSetsTotal: r.statefulSetsTotal,
            statefulSetsUnavailable: r.statefulSetsUnavailable,
            daemonSetsTotal: r.daemonSetsTotal,
            daemonSetsUnavailable: r.daemonSetsUnavailable,
            warningEvents: n(r.warningEvents),
            kubernetesVersion: r.snapshotVersion,
            edgex:
              r.edgexServicesTotal === null
                ? null
                : {
                    servicesUp: n(r.edgexServicesUp),
                    servicesTotal: r.edgexServicesTotal,
                    devicesUp: n(r.edgexDevicesUp),
                    devicesTotal: n(r.edgexDevicesTotal),
                    lastReadingAt: r.edgexLastReadingAt?.toISOString() ?? null,
                  },
            error: r.error,
          }
        : null,
  };
}
