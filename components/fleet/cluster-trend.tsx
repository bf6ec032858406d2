"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-client";
import { fleetKeys } from "@/lib/client/fleet/fleet-keys";
import type { TTrendPoint } from "@/lib/shared/fleet/fleet-api.schema";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const W = 320;
const H = 48;

function path(points: TTrendPoint[], value: (p: TTrendPoint) => number, max: number, from: number, to: number): string {
  const span = Math.max(1, to - from);
  return points
    .map((p, i) => {
      const x = ((Date.parse(p.at) - from) / span) * W;
      const y = H - (value(p) / Math.max(1, max)) * (H - 4) - 2;
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** Nodes ready and failing pods over the last 24 h from snapshot history, as two sparklines. */
export function ClusterTrend({ clusterId }: { clusterId: string }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trend = useQuery({
    queryKey: fleetKeys.trends(clusterId, 24),
    queryFn: () => apiFetch<{ points: TTrendPoint[]; from: string; to: string }>(`/api/v1/fleet/clusters/${encodeURIComponent(clusterId)}/trends?hours=24`),
    staleTime: 60_000,
  });
  if (trend.isPending) return <LoadingState />;
  if (trend.isError) return <ErrorState message={errorMessage(trend.error)} onRetry={() => void trend.refetch()} />;
  const { points, from, to } = trend.data;
  if (points.length === 0) return <p className="text-sm text-slate-500">{t("trendEmpty")}</p>;
  const [f, tt] = [Date.parse(from), Date.parse(to)];
  const maxNodes = Math.max(...points.map((p) => p.nodesTotal));
  const maxFailing = Math.max(1, ...points.map((p) => p.podsFailing));
  const charts = [
    { key: "nodes", label: t("trendNodesReady"), d: path(points, (p) => p.nodesReady, maxNodes, f, tt), color: "stroke-emerald-400", max: maxNodes },
    { key: "failing", label: t("trendFailingPods"), d: path(points, (p) => p.podsFailing, maxFailing, f, tt), color: "stroke-rose-400", max: maxFailing },
  ];
  return (
    <div className="flex flex-wrap gap-6" data-testid="cluster-trend">
      {charts.map((c) => (
        <figure key={c.key} className="space-y-1">
          <figcaption className="text-xs text-slate-400">
            {c.label} · {t("trendMax", { max: format.number(c.max) })}
          </figcaption>
          <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={c.label} className="rounded bg-slate-900">
            <path d={c.d} fill="none" strokeWidth={1.5} className={c.color} />
          </svg>
          <div className="flex justify-between text-[10px] text-slate-500" style={{ width: W }}>
            <span>{format.dateTime(new Date(f), { timeStyle: "short" })}</span>
            <span>{format.dateTime(new Date(tt), { timeStyle: "short" })}</span>
          </div>
        </figure>
      ))}
    </div>
  );
}
