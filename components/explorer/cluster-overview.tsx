"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { useClusterOverview } from "@/lib/client/explorer/use-kube-detail";
import { clusterKeys, fetchCluster } from "@/lib/client/clusters";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import { useClusterChanges } from "@/lib/client/explorer/use-cluster-changes";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { KubeconfigDownload } from "./kubeconfig-download";
import { RelatedList } from "./related-list";
import { StaleBanner } from "./stale-banner";

function Card({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/50 p-4" data-testid={testId}>
      <p className="text-xs uppercase tracking-wide text-slate-400">{label}</p>
      <div className="mt-1 text-lg font-semibold text-white">{children}</div>
    </div>
  );
}

const PHASES = ["Running", "Pending", "Succeeded", "Failed", "Unknown"];
const OVERVIEW_LISTS = ["nodes", "pods", "deployments", "events"] as const;

/**
 * The live summary of one cluster (the overview page): Kubernetes/k3s version, servers and
 * HA, nodes ready/total, pods by phase, deployments available/desired, the agent's version
 * and last contact, and warning events of the last hour. An unreachable cluster shows its
 * last error with a Retry; each number the user may not read shows "—".
 */
export function ClusterOverview({ clusterId }: { clusterId: string }) {
  const t = useTranslations("explorer.overview");
  // The cluster itself (state, last seen, agent) from the query the page header shares,
  // so the page never shows another state or "last seen" than the header.
  const live = useQuery({ queryKey: clusterKeys.detail(clusterId), queryFn: ({ signal }) => fetchCluster(clusterId, signal) });
  // Live: nodes, pods, deployments and events as the informers see them change.
  useClusterChanges(clusterId, OVERVIEW_LISTS, "", explorerKeys.overview(clusterId));
  const errorMessage = useErrorMessage();
  const overview = useClusterOverview(clusterId);
  const queryClient = useQueryClient();
  // The moment the cluster connects (or drops), read what it has instead of waiting.
  const stateKey = live.data ? `${live.data.state}/${live.data.connected}` : null;
  const seenState = useRef(stateKey);
  useEffect(() => {
    if (stateKey === null || stateKey === seenState.current) return;
    const first = seenState.current === null;
    seenState.current = stateKey;
    if (!first) void queryClient.invalidateQueries({ queryKey: explorerKeys.overview(clusterId) });
  }, [stateKey, clusterId, queryClient]);
  const data = overview.data;
  const dash = "—";
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  if (!data) return null;
  const cluster = live.data ? { ...data.cluster, ...live.data } : data.cluster;
  return (
    <section className="mb-6 space-y-4" aria-label={t("title")}>
      <StaleBanner cluster={cluster} error={data.error} stale={false} live={cluster.connected && !data.error} hasData={false} onRetry={() => void overview.refetch()} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Card label={t("version")} testId="overview-version">
          <span className="font-mono text-base">{data.kubernetesVersion ?? cluster.kubernetesVersion ?? dash}</span>
        </Card>
        <Card label={t("servers")} testId="overview-servers">
          {data.servers ?? cluster.serverCount ?? dash}
          {data.ha !== null ? <span className="ml-2 text-xs font-normal text-slate-400">{data.ha ? t("ha") : t("single")}</span> : null}
        </Card>
        <Card label={t("nodesReady")} testId="overview-nodes">
          {data.nodes ? `${data.nodes.ready}/${data.nodes.total}` : dash}
        </Card>
        <Card label={t("deploymentsAvailable")} testId="overview-deployments">
          {data.deployments ? `${data.deployments.available}/${data.deployments.desired}` : dash}
        </Card>
        <Card label={t("agent")} testId="overview-agent">
          <span className="font-mono text-base">{cluster.agentVersion ?? dash}</span>
        </Card>
        <Card label={t("lastSeen")} testId="overview-last-seen">
          <RelativeTime className="text-base" value={cluster.lastSeenAt} fallback={t("never")} />
        </Card>
      </div>
      <div className="rounded-lg border border-slate-800 p-4" data-testid="overview-pods">
        <p className="text-xs uppercase tracking-wide text-slate-400">{t("podsByPhase")}</p>
        {data.pods ? (
          <ul className="mt-2 flex flex-wrap gap-4 font-mono text-sm">
            {[...PHASES, ...Object.keys(data.pods).filter((p) => !PHASES.includes(p))].map((phase) => (
              <li key={phase}>
                <span className="text-slate-400">{phase}</span> <span className="text-white">{data.pods?.[phase] ?? 0}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{dash}</p>
        )}
      </div>
      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-200">{t("warnings")}</h2>
          <KubeconfigDownload clusterId={clusterId} clusterName={data.cluster.name} />
        </div>
        {data.warningEvents && data.warningEvents.length > 0 ? (
          <RelatedList clusterId={clusterId} resource="events" objects={data.warningEvents} showNamespace />
        ) : (
          <p className="text-sm text-slate-500">{data.warningEvents ? t("noWarnings") : dash}</p>
        )}
      </div>
    </section>
  );
}
