"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { dataAsOf } from "@/lib/shared/fleet/snapshot-freshness";
import { DataAge } from "./data-age";

function tone(c: TFleetCluster): string {
  const s = c.snapshot;
  if (c.state === "unavailable" || (s && (s.nodesReady < s.nodesTotal || s.podsFailing > 0)) || c.alertsUnacked > 0) return "border-rose-500 bg-rose-950/40";
  if (c.state === "pending" || !s || !s.fresh || (s.edgex && s.edgex.servicesUp < s.edgex.servicesTotal)) return "border-amber-400 bg-amber-950/30";
  return "border-emerald-500 bg-emerald-950/20";
}

/** A cluster on the wall screen: big name and state, nodes, failing pods, EdgeX, and how old the data is. */
export function KioskTile({ cluster, freshAt }: { cluster: TFleetCluster; freshAt: string | null }) {
  const t = useTranslations("fleet.kiosk");
  const tState = useTranslations("clusters.state");
  const format = useFormatter();
  const s = cluster.snapshot;
  return (
    <article data-testid={`kiosk-tile-${cluster.name}`} className={`flex min-w-0 flex-col justify-between rounded-xl border-l-8 p-4 ${tone(cluster)}`}>
      <div className="flex items-baseline justify-between gap-3">
        <h3 className="truncate text-2xl font-bold text-white" title={cluster.name}>
          {cluster.displayName}
        </h3>
        <span className={`shrink-0 text-lg font-semibold ${cluster.state === "active" ? "text-emerald-300" : cluster.state === "unavailable" ? "text-rose-300" : "text-amber-300"}`}>
          {tState(cluster.state)}
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        <div>
          <dt className="text-sm text-slate-400">{t("nodes")}</dt>
          <dd className="text-3xl font-semibold tabular-nums text-white" data-testid="kiosk-nodes">
            {s ? `${format.number(s.nodesReady)}/${format.number(s.nodesTotal)}` : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-400">{t("failing")}</dt>
          <dd className={`text-3xl font-semibold tabular-nums ${s && s.podsFailing > 0 ? "text-rose-300" : "text-white"}`} data-testid="kiosk-failing">
            {s ? format.number(s.podsFailing) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-400">{t("edgex")}</dt>
          <dd className="text-3xl font-semibold tabular-nums text-white">{s?.edgex ? `${format.number(s.edgex.servicesUp)}/${format.number(s.edgex.servicesTotal)}` : "—"}</dd>
        </div>
      </dl>
      <p className="mt-3 text-base">
        <DataAge at={s ? dataAsOf(s, freshAt) : null} stale={s ? !s.fresh : false} />
      </p>
    </article>
  );
}
