"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Fragment, useState } from "react";
import type { TFleetClustersPage } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { clusterHref } from "@/lib/shared/fleet/fleet-links";
import { dataAsOf, lastSeenShown } from "@/lib/shared/fleet/snapshot-freshness";
import { ClusterFlaps } from "@/components/clusters/cluster-flaps";
import { ClusterStateBadge } from "@/components/clusters/cluster-state-badge";
import { Badge } from "@/components/ui/states";
import { ClusterTrend } from "./cluster-trend";
import { DataAge } from "./data-age";
import { EdgexCell, FailingPodsCell, LabelChips, NodesCell } from "./health-cells";
import { DataTable } from "@/components/ui/data-table";

/** The value a row is grouped by (null = "none"). */
export function groupKeyOf(row: TFleetCluster, group: string): string | null {
  if (group === "region") return row.region;
  if (group === "site") return row.site;
  if (group === "state") return row.state;
  return row.labels[group.slice("label:".length)] ?? null;
}

// The 24 h trend opens in a row of its own from the cluster cell, labels sit under the
// region and site, and "last seen" under the data age: with columns of their own the table
// no longer fit 1440 px.
const COLUMNS = ["cluster", "state", "location", "version", "nodes", "failingPods", "edgex", "alerts", "dataAge"] as const;

/** One page of the fleet as a table; group headers when grouped; a trend chart per row on demand. */
export function FleetTable({ page, group, freshAt, summaryAt }: { page: TFleetClustersPage; group: string | undefined; freshAt: string | null; summaryAt: string | null }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const [expanded, setExpanded] = useState<string | null>(null);
  const counts = new Map((page.groups ?? []).map((g) => [g.key, g.count]));
  // Rows open a group when their key differs from the previous row's (the API orders by group first).
  const keys = page.items.map((row) => (group ? groupKeyOf(row, group) : undefined));
  return (
    <DataTable label={t("tableLabel")} columns={COLUMNS.map((c) => ({ key: c, label: t(`column.${c}`) }))}>
      {page.items.map((row, i) => {
        const key = keys[i];
        const header = group && (i === 0 || key !== keys[i - 1]);
        const s = row.snapshot;
        return (
          <Fragment key={row.id}>
            {header ? (
              <tr className="bg-slate-900/80" data-testid="group-header">
                <th colSpan={COLUMNS.length} scope="rowgroup" className="px-3 py-1.5 text-xs font-semibold text-slate-300">
                  {key ?? t("groupNone")} · {t("groupCount", { count: counts.get(key ?? null) ?? 0 })}
                </th>
              </tr>
            ) : null}
            <tr data-testid={`fleet-row-${row.name}`} className="hover:bg-slate-900/60">
              <td className="px-3 py-2">
                <Link href={clusterHref(row.id)} className="font-medium whitespace-nowrap text-sky-300 hover:underline">
                  {row.displayName}
                </Link>
                {row.displayName !== row.name ? <div className="font-mono text-xs text-slate-500">{row.name}</div> : null}
                <button
                  type="button"
                  onClick={() => setExpanded(expanded === row.id ? null : row.id)}
                  aria-expanded={expanded === row.id}
                  className="mt-0.5 block rounded text-xs whitespace-nowrap text-slate-400 hover:text-sky-300"
                >
                  {expanded === row.id ? `▾ ${t("hideTrend")}` : `▸ ${t("showTrend")}`}
                </button>
              </td>
              <td className="px-3 py-2">
                <ClusterStateBadge state={row.state} reason={row.stateReason} />
                <ClusterFlaps count={row.flapsPerHour} />
              </td>
              <td className="px-3 py-2 text-slate-300">
                <div>{[row.region, row.site].filter(Boolean).join(" / ") || "—"}</div>
                {Object.keys(row.labels).length > 0 ? (
                  <div className="mt-1">
                    <LabelChips labels={row.labels} />
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-300">{row.kubernetesVersion ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">
                <NodesCell row={row} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                <FailingPodsCell row={row} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                <EdgexCell row={row} />
              </td>
              <td className="px-3 py-2">
                {row.alertsOpen > 0 ? <Badge tone={row.alertsUnacked > 0 ? "red" : "amber"}>{format.number(row.alertsOpen)}</Badge> : <span className="text-slate-500">—</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <DataAge at={s ? dataAsOf(s, freshAt) : null} stale={s ? !s.fresh : false} />
                {s?.error && !s.fresh ? <div className="max-w-40 truncate text-xs text-slate-500" title={s.error}>{s.error}</div> : null}
                <div className="text-xs text-slate-500">
                  {t("column.lastSeen")} <DataAge at={lastSeenShown(row, summaryAt)} stale={false} />
                </div>
              </td>
            </tr>
            {expanded === row.id ? (
              <tr>
                <td colSpan={COLUMNS.length} className="bg-slate-950 px-3 py-3">
                  <ClusterTrend clusterId={row.id} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        );
      })}
    </DataTable>
  );
}
