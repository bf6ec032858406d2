import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { ALL_CLUSTERS, clusterIdSql, type ClusterScope } from "../access/cluster-scope";

/** One row of fleet totals (the aggregate below). */
export interface FleetSummaryRow {
  total: number;
  pending: number;
  active: number;
  unavailable: number;
  stale: number;
  nodesReady: number;
  nodesTotal: number;
  podsTotal: number;
  podsFailing: number;
  podsCrashLooping: number;
  edgexClusters: number;
  edgexUp: number;
  edgexTotal: number;
  alertsOpen: number;
  alertsUnacked: number;
  /** Date from Prisma, ISO text (no zone) from row_to_json. */
  freshAt: Date | string | null;
}

/**
 * The fleet totals as ONE aggregate over clusters ⟕ snapshots ⟕ open-alert counts. Nodes
 * count as ready and EdgeX services as up only in Active clusters (an unreachable cluster's
 * nodes are not known to be ready); the other figures are last-known. Shared by
 * GET /fleet/summary and the stream hub's read, so both report the same numbers. `scope`
 * counts only the clusters a principal reaches (docs/SECURITY.md "Scoped access").
 */
export function fleetSummarySql(staleBefore: Date, scope: ClusterScope = ALL_CLUSTERS): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS total,
      (count(*) FILTER (WHERE c.state = 'pending'))::int AS pending,
      (count(*) FILTER (WHERE c.state = 'active'))::int AS active,
      (count(*) FILTER (WHERE c.state = 'unavailable'))::int AS unavailable,
      (count(s."clusterId") FILTER (WHERE s."collectedAt" < ${staleBefore} OR s."notCurrentSince" IS NOT NULL))::int AS stale,
      COALESCE(sum(s."nodesReady") FILTER (WHERE c.state = 'active'), 0)::int AS "nodesReady",
      COALESCE(sum(s."nodesTotal"), 0)::int AS "nodesTotal",
      COALESCE(sum(s."podsTotal"), 0)::int AS "podsTotal",
      COALESCE(sum(s."podsFailing"), 0)::int AS "podsFailing",
      COALESCE(sum(s."podsCrashLooping"), 0)::int AS "podsCrashLooping",
      (count(s."edgexServicesTotal"))::int AS "edgexClusters",
      COALESCE(sum(s."edgexServicesUp") FILTER (WHERE c.state = 'active'), 0)::int AS "edgexUp",
      COALESCE(sum(s."edgexServicesTotal"), 0)::int AS "edgexTotal",
      COALESCE(sum(a.open), 0)::int AS "alertsOpen",
      COALESCE(sum(a.unacked), 0)::int AS "alertsUnacked",
      max(s."collectedAt") AS "freshAt"
    FROM clusters c
    LEFT JOIN fleet_snapshots s ON s."clusterId" = c.id
    LEFT JOIN (SELECT "clusterId", count(*) AS open, count(*) FILTER (WHERE "ackedAt" IS NULL) AS unacked
               FROM fleet_alerts WHERE "resolvedAt" IS NULL GROUP BY "clusterId") a ON a."clusterId" = c.id
    WHERE true ${clusterIdSql(scope, Prisma.sql`c.id`)}`;
}

/** Timestamps of `timestamp(3)` columns are UTC; row_to_json prints them without a zone. */
export function utc(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

export function toFleetSummary(row: FleetSummaryRow, at: Date): TFleetSummary {
  return {
    clusters: { total: row.total, pending: row.pending, active: row.active, unavailable: row.unavailable, stale: row.stale },
    nodes: { ready: row.nodesReady, total: row.nodesTotal },
    pods: { total: row.podsTotal, failing: row.podsFailing, crashLooping: row.podsCrashLooping },
    edgex: { clusters: row.edgexClusters, servicesUp: row.edgexUp, servicesTotal: row.edgexTotal, servicesDown: row.edgexTotal - row.edgexUp },
    alerts: { open: row.alertsOpen, unacked: row.alertsUnacked },
    freshAt: utc(row.freshAt)?.toISOString() ?? null,
    at: at.toISOString(),
  };
}
