"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";

interface CardProps {
  label: string;
  value: string;
  detail?: string;
  tone?: "normal" | "bad" | "good";
  testId: string;
}

function Card({ label, value, detail, tone = "normal", testId }: CardProps) {
  const color = tone === "bad" ? "text-rose-300" : tone === "good" ? "text-emerald-300" : "text-white";
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 p-4" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-400">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{value}</p>
      {detail ? <p className="mt-1 text-xs text-slate-400">{detail}</p> : null}
    </div>
  );
}

/** Fleet totals: clusters by state, nodes ready/total, failing pods, EdgeX services down, open alerts. */
export function FleetSummaryCards({ summary }: { summary: TFleetSummary }) {
  const t = useTranslations("fleet");
  const f = useFormatter();
  const n = (v: number) => f.number(v);
  const s = summary;
  return (
    <section aria-label={t("summaryLabel")} className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Card
        testId="summary-clusters"
        label={t("clusters")}
        value={n(s.clusters.total)}
        detail={t("clustersDetail", { active: n(s.clusters.active), unavailable: n(s.clusters.unavailable), pending: n(s.clusters.pending) })}
        tone={s.clusters.unavailable > 0 ? "bad" : "normal"}
      />
      <Card testId="summary-nodes" label={t("nodesReady")} value={`${n(s.nodes.ready)}/${n(s.nodes.total)}`} tone={s.nodes.ready < s.nodes.total ? "bad" : "good"} />
      <Card
        testId="summary-failing"
        label={t("failingPods")}
        value={n(s.pods.failing)}
        detail={t("failingDetail", { crashLooping: n(s.pods.crashLooping), total: n(s.pods.total) })}
        tone={s.pods.failing > 0 ? "bad" : "good"}
      />
      <Card
        testId="summary-edgex"
        label={t("edgexDown")}
        value={s.edgex.clusters ? n(s.edgex.servicesDown) : "—"}
        detail={s.edgex.clusters ? t("edgexDetail", { up: n(s.edgex.servicesUp), total: n(s.edgex.servicesTotal), clusters: n(s.edgex.clusters) }) : t("edgexNone")}
        tone={s.edgex.servicesDown > 0 ? "bad" : "normal"}
      />
      <Card testId="summary-alerts" label={t("openAlerts")} value={n(s.alerts.open)} detail={t("alertsDetail", { unacked: n(s.alerts.unacked) })} tone={s.alerts.unacked > 0 ? "bad" : "normal"} />
    </section>
  );
}
