"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { labelChipText } from "@/lib/shared/kube/labels";

/** "3/3" nodes ready, red when some are not ready. */
export function NodesCell({ row }: { row: TFleetCluster }) {
  const format = useFormatter();
  const s = row.snapshot;
  if (!s) return <span className="text-slate-500">—</span>;
  const bad = s.nodesReady < s.nodesTotal;
  return (
    <span data-testid="nodes" className={bad ? "font-semibold text-rose-300" : "text-slate-200"}>
      {format.number(s.nodesReady)}/{format.number(s.nodesTotal)}
    </span>
  );
}

/** Failing pods (crash-looping ones in the tooltip). */
export function FailingPodsCell({ row }: { row: TFleetCluster }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const s = row.snapshot;
  if (!s) return <span className="text-slate-500">—</span>;
  return (
    <span data-testid="failing-pods" title={t("crashLoopingTitle", { count: s.podsCrashLooping })} className={s.podsFailing > 0 ? "font-semibold text-rose-300" : "text-slate-400"}>
      {format.number(s.podsFailing)}
    </span>
  );
}

/** EdgeX services up/total, or "—" when the cluster runs no EdgeX (or no source reports it). */
export function EdgexCell({ row }: { row: TFleetCluster }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const e = row.snapshot?.edgex;
  if (!e) return <span data-testid="edgex" className="text-slate-500">—</span>;
  const down = e.servicesTotal - e.servicesUp;
  return (
    <span data-testid="edgex" title={t("edgexTitle", { devicesUp: e.devicesUp, devicesTotal: e.devicesTotal })} className={down > 0 ? "font-semibold text-rose-300" : "text-emerald-300"}>
      {format.number(e.servicesUp)}/{format.number(e.servicesTotal)}
    </span>
  );
}

/** Up to three labels as chips, the rest counted. */
export function LabelChips({ labels }: { labels: Record<string, string> }) {
  const t = useTranslations("fleet");
  const entries = Object.entries(labels);
  return (
    <span className="flex max-w-56 flex-wrap gap-1">
      {entries.slice(0, 3).map(([k, v]) => (
        <span key={k} className="max-w-full truncate rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[11px] text-slate-300" title={`${k}=${v}`}>
          {labelChipText(k, v)}
        </span>
      ))}
      {entries.length > 3 ? <span className="text-xs text-slate-500">{t("moreLabels", { count: entries.length - 3 })}</span> : null}
    </span>
  );
}
