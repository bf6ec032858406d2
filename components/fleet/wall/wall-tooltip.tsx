"use client";

import { useFormatter, useTranslations } from "next-intl";
import { clusterHealth, troubleReasons } from "@/lib/shared/fleet/cluster-health";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import type { CellPreset } from "@/lib/shared/fleet/wall-layout";
import { HEALTH_COLORS } from "@/lib/shared/fleet/wall-palette";
import { useReasonText } from "./use-reason-text";

const WIDTH = 380;

/** The full name and numbers of the cluster under the pointer or keyboard focus, placed beside its cell inside the wall. */
export function WallTooltip({ cluster, at, cell, area }: { cluster: TFleetCluster; at: { x: number; y: number }; cell: CellPreset; area: { width: number; height: number } }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const reasonText = useReasonText();
  const s = cluster.snapshot;
  const level = clusterHealth(cluster);
  const reasons = troubleReasons(cluster);
  const left = at.x + cell.w + 12 + WIDTH <= area.width ? at.x + cell.w + 12 : Math.max(0, at.x - 12 - WIDTH);
  const top = Math.max(0, Math.min(at.y, area.height - 200));
  return (
    <div
      role="tooltip"
      data-testid="wall-tooltip"
      data-cluster={cluster.name}
      className="pointer-events-none absolute z-10 rounded-lg border border-slate-600 bg-slate-900 p-4 text-slate-100 shadow-2xl"
      style={{ left, top, width: WIDTH }}
    >
      <p className="break-words text-2xl font-bold">{cluster.displayName}</p>
      {cluster.displayName !== cluster.name ? <p className="break-all text-lg text-slate-300">{cluster.name}</p> : null}
      <p className="mt-2 flex items-center gap-2 text-lg font-semibold">
        <span className="inline-block h-4 w-4 rounded-sm" style={{ background: HEALTH_COLORS[level].fill }} aria-hidden />
        {t(`level.${level}`)}
      </p>
      {reasons.length ? <p className="mt-1 text-lg text-slate-200">{reasons.map((r) => reasonText(r, cluster)).join(" · ")}</p> : null}
      <dl className="mt-2 grid grid-cols-2 gap-x-4 text-lg">
        <dt className="text-slate-300">{t("nodes")}</dt>
        <dd className="tabular-nums">{s ? `${format.number(s.nodesReady)}/${format.number(s.nodesTotal)}` : "—"}</dd>
        <dt className="text-slate-300">{t("failingPods")}</dt>
        <dd className="tabular-nums">{s ? format.number(s.podsFailing) : "—"}</dd>
        <dt className="text-slate-300">{t("where")}</dt>
        <dd className="break-words">{[cluster.region ?? t("noGroup"), cluster.site ?? t("noSite")].join(" · ")}</dd>
      </dl>
    </div>
  );
}
