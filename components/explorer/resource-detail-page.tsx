"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import { useClusterChanges } from "@/lib/client/explorer/use-cluster-changes";
import { useKubeDetail } from "@/lib/client/explorer/use-kube-detail";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { nodeHardware, type HardwareNodeLike } from "@/lib/shared/inventory/node-hardware";
import { NodeHardwarePanel } from "@/components/inventory/node-hardware-panel";
import { NodeDrainDialog } from "@/components/node-drain/node-drain-dialog";
import { PodShellPanel } from "@/components/pod-shell/pod-shell-panel";
import { RollbackDialog } from "@/components/workload-rollback/rollback-dialog";
import { UsagePanel } from "@/components/resource-usage/usage-panel";
import { SetImageDialog } from "@/components/workload-actions/set-image-dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { YamlEditTab } from "@/components/yaml-apply/yaml-edit-tab";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ConditionsTable, type ConditionView } from "./conditions-table";
import { ObjectActions } from "./object-actions";
import { ObjectSummary } from "./object-summary";
import { PodContainers } from "./pod-containers";
import { PodLogsViewer } from "./pod-logs-viewer";
import { PodTrouble } from "./pod-trouble";
import { RelatedList } from "./related-list";
import { SecretKeys } from "./secret-keys";
import { StaleBanner } from "./stale-banner";
import { useClusterErrorMessage } from "./use-cluster-error-message";
import { YamlView } from "./yaml-view";

const ACTIONABLE: readonly TExplorerResource[] = ["pods", "deployments", "nodes"];
/** Lists whose changes an object's page shows (itself, related pods, events). */
const LIVE_LISTS: Partial<Record<TExplorerResource, TExplorerResource[]>> = {
  deployments: ["deployments", "replicasets", "pods", "events"],
  replicasets: ["replicasets", "pods", "events"],
  statefulsets: ["statefulsets", "pods", "events"],
  daemonsets: ["daemonsets", "pods", "events"],
  jobs: ["jobs", "pods", "events"],
  nodes: ["nodes", "pods", "events"],
  pods: ["pods", "events"],
};
// kubectl's word, shown as kubectl prints it in every language.
const TERMINATING = "Terminating";

function containerNames(pod: TKubeObject): string[] {
  const spec = pod.spec as { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }> } | undefined;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map((c) => c.name);
}

/**
 * One object of a cluster: summary with kubectl's columns, conditions, related objects
 * (owner, node, ReplicaSets, pods, events), read-only YAML, logs for pods, Secret keys, and
 * the actions the role may take. `?tab=` keeps the chosen tab in the URL.
 */
export function ResourceDetailPage({ clusterId, resource, namespace, name, canAct, isAdmin }: { clusterId: string; resource: TExplorerResource; namespace: string; name: string; canAct: boolean; isAdmin: boolean }) {
  const t = useTranslations("explorer");
  const tShell = useTranslations("podShell");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tabs = ["overview", "yaml", ...(resource === "pods" ? ["logs"] : []), ...(resource === "pods" && canAct ? ["shell"] : [])] as const;
  const tab = (tabs as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as (typeof tabs)[number]) : "overview";
  const detail = useKubeDetail(clusterId, resource, namespace, name);
  // Live: the object, its pods and events (and a Deployment's ReplicaSets) by server push.
  useClusterChanges(clusterId, LIVE_LISTS[resource] ?? [resource, "events"], namespace, explorerKeys.detail(clusterId, resource, namespace, name));
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const data = detail.data;
  const object = data?.object ?? null;
  const listHref = `/clusters/${encodeURIComponent(clusterId)}/${resource}${namespace ? `?ns=${encodeURIComponent(namespace)}` : ""}`;

  return (
    <section className="space-y-4" aria-label={t("detail.label", { kind: RESOURCE_INFO[resource].kind, name })}>
      <header className="flex flex-wrap items-center gap-3">
        <Link href={listHref} className="text-sm text-slate-400 hover:text-white">
          {t(`resources.${resource}`)}
        </Link>
        <span className="text-slate-600">/</span>
        <h2 className="font-mono text-lg text-white">{namespace ? `${namespace}/${name}` : name}</h2>
        <span className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-slate-300">{RESOURCE_INFO[resource].kind}</span>
        {object?.metadata?.deletionTimestamp ? <span className="font-mono text-xs text-amber-300">{TERMINATING}</span> : null}
        <div className="ml-auto flex gap-2">
          {canAct && object && ACTIONABLE.includes(resource) ? <ObjectActions clusterId={clusterId} resource={resource} object={object} /> : null}
          {canAct && object && resource === "nodes" ? <NodeDrainDialog clusterId={clusterId} node={name} /> : null}
          {canAct && object && (resource === "deployments" || resource === "statefulsets" || resource === "daemonsets") ? (
            <>
              <SetImageDialog clusterId={clusterId} resource={resource} object={object} />
              <RollbackDialog clusterId={clusterId} resource={resource} namespace={namespace} name={name} />
            </>
          ) : null}
        </div>
      </header>
      {data ? <StaleBanner cluster={data.cluster} error={data.error?.code === "unavailable" || data.error?.code === "upstream_timeout" ? data.error : null} stale={false} live={data.cluster.connected} hasData={false} onRetry={() => void detail.refetch()} /> : null}
      {detail.isPending ? <LoadingState /> : null}
      {detail.isError ? <ErrorState message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} /> : null}
      {data?.error?.code === "not_found" ? (
        <EmptyState title={t("detail.gone", { kind: RESOURCE_INFO[resource].kind, name })}>
          <Link href={listHref} className="text-sky-400 hover:underline">
            {t("detail.backToList")}
          </Link>
        </EmptyState>
      ) : data?.error && data.error.code !== "unavailable" && data.error.code !== "upstream_timeout" ? (
        <ErrorState message={clusterErrorMessage(data.error)} onRetry={() => void detail.refetch()} />
      ) : null}
      {object && data ? (
        <>
          <div role="tablist" aria-label={t("detail.tabs")} className="flex gap-1 border-b border-slate-800">
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab === id ? "border-sky-400 text-white" : "border-transparent text-slate-400 hover:text-white"}`}
                onClick={() => router.replace(`${pathname}?tab=${id}`, { scroll: false })}
              >
                {id === "shell" ? tShell("tab") : t(`detail.tab.${id}`)}
              </button>
            ))}
          </div>
          {tab === "overview" ? (
            <div className="space-y-5" role="tabpanel">
              {resource === "pods" ? <PodTrouble clusterId={clusterId} pod={object} /> : null}
              <ObjectSummary clusterId={clusterId} resource={resource} object={object} related={data.related} />
              {resource === "pods" ? <PodContainers pod={object} /> : null}
              {resource === "nodes" ? <NodeHardwarePanel hardware={nodeHardware(object as HardwareNodeLike)} /> : null}
              {resource === "pods" || resource === "nodes" ? <UsagePanel clusterId={clusterId} resource={resource} object={object} /> : null}
              {resource === "secrets" ? (
                <section className="space-y-2">
                  <h3 className="text-sm font-semibold text-slate-200">{t("secrets.keys")}</h3>
                  <SecretKeys clusterId={clusterId} namespace={namespace} name={name} keys={Object.keys((object as { data?: Record<string, string> }).data ?? {})} canReveal={isAdmin} />
                </section>
              ) : null}
              <section className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-200">{t("detail.conditions")}</h3>
                <ConditionsTable conditions={((object.status as { conditions?: ConditionView[] } | undefined)?.conditions ?? []) as ConditionView[]} />
              </section>
              {resource === "deployments" ? (
                <section className="space-y-2">
                  <h3 className="text-sm font-semibold text-slate-200">{t("resources.replicasets")}</h3>
                  <RelatedList clusterId={clusterId} resource="replicasets" objects={data.related.replicaSets} />
                </section>
              ) : null}
              {data.related.pods.length > 0 ? (
                <section className="space-y-2">
                  <h3 className="text-sm font-semibold text-slate-200">{t("resources.pods")}</h3>
                  <RelatedList clusterId={clusterId} resource="pods" objects={data.related.pods} showNamespace={resource === "nodes"} />
                </section>
              ) : null}
              <section className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-200">{t("resources.events")}</h3>
                {data.related.events.length > 0 ? <RelatedList clusterId={clusterId} resource="events" objects={data.related.events} /> : <p className="text-sm text-slate-500">{t("detail.noEvents")}</p>}
              </section>
            </div>
          ) : null}
          {tab === "yaml" && data.yaml ? (
            // Secrets are shown with blanked values: editing them here would write the blanks.
            canAct && resource !== "secrets" ? (
              <YamlEditTab clusterId={clusterId} object={object}>
                <YamlView yaml={data.yaml} />
              </YamlEditTab>
            ) : (
              <YamlView yaml={data.yaml} />
            )
          ) : null}
          {tab === "shell" ? <PodShellPanel clusterId={clusterId} namespace={namespace} pod={object} /> : null}
          {tab === "logs" ? <PodLogsViewer clusterId={clusterId} namespace={namespace} name={name} containers={containerNames(object)} /> : null}
        </>
      ) : null}
    </section>
  );
}
