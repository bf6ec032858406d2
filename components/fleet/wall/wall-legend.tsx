"use client";

import { useFormatter, useTranslations } from "next-intl";
import { HEALTH_LEVELS } from "@/lib/shared/fleet/cluster-health";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import type { THealthCounts } from "@/lib/shared/fleet/wall-model";
import { HEALTH_COLORS } from "@/lib/shared/fleet/wall-palette";

/** The colour key, which is also the wall's totals: clusters per level, then nodes, failing pods and open alerts. */
export function WallLegend({ counts, total, summary }: { counts: THealthCounts; total: number; summary: TFleetSummary | null }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  return (
    <section aria-label={t("legendLabel")} className="flex flex-wrap items-center gap-x-6 gap-y-1 text-xl text-slate-100" data-testid="wall-legend">
      <span className="font-bold tabular-nums" data-testid="wall-total">
        {t("total", { count: total })}
      </span>
      {HEALTH_LEVELS.map((level) => (
        <span key={level} className="inline-flex items-center gap-2" data-testid={`wall-legend-${level}`} data-count={counts[level]}>
          <span className="inline-block h-5 w-5 rounded-sm" style={{ background: HEALTH_COLORS[level].fill }} aria-hidden />
          <span className="tabular-nums">{t("legendItem", { level: t(`level.${level}`), count: n(counts[level]) })}</span>
        </span>
      ))}
      {summary ? (
        <span className="inline-flex gap-6 text-slate-300">
          <span className="tabular-nums">{t("nodesReady", { ready: n(summary.nodes.ready), total: n(summary.nodes.total) })}</span>
          <span className="tabular-nums">{t("failingPodsTotal", { count: n(summary.pods.failing) })}</span>
          <span className="tabular-nums">{t("openAlerts", { count: n(summary.alerts.open) })}</span>
        </span>
      ) : null}
    </section>
  );
}
