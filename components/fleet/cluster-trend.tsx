"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-client";
import { fleetKeys } from "@/lib/client/fleet/fleet-keys";
import type { TTrendPoint } from "@/lib/shared/fleet/fleet-api.schema";
import { Sparkline } from "@/components/ui/sparkline";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Nodes ready and failing pods over the last 24 h from snapshot history, as two sparklines. */
export function ClusterTrend({ clusterId }: { clusterId: string }) {
  const t = useTranslations("fleet");
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
  const span = [Date.parse(from), Date.parse(to)] as const;
  const series = (value: (p: TTrendPoint) => number) => points.map((p) => ({ t: Date.parse(p.at), v: value(p) }));
  return (
    <div className="flex flex-wrap gap-6" data-testid="cluster-trend">
      <Sparkline points={series((p) => p.nodesReady)} label={t("trendNodesReady")} units={null} span={span} fromZero tone="emerald" width={320} timeStyle="short" />
      <Sparkline points={series((p) => p.podsFailing)} label={t("trendFailingPods")} units={null} span={span} fromZero tone="rose" width={320} timeStyle="short" />
    </div>
  );
}
