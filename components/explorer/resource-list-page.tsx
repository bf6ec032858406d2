"use client";

import { useTranslations } from "next-intl";
import { UsageUnavailable } from "@/components/resource-usage/usage-unavailable";
import { useUsageColumns } from "@/components/resource-usage/use-usage-columns";
import { useKubeList } from "@/lib/client/explorer/use-kube-list";
import { useUrlParams } from "@/lib/client/use-url-params";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ListToolbar } from "./list-toolbar";
import { ResourceTable } from "./resource-table";
import { StaleBanner } from "./stale-banner";
import { useClusterErrorMessage } from "./use-cluster-error-message";
import { useTableRows, type SortState } from "./use-table-rows";

const DEFAULT_SORT: Partial<Record<TExplorerResource, SortState>> = { events: { key: "lastSeen", dir: "desc" } };

/**
 * One explorer tab: a live kubectl-style list of `resource` in a cluster. Filters live in
 * the query string (`?ns=&l=&q=&sort=&dir=`) so a URL shares exactly this view.
 */
export function ResourceListPage({ clusterId, resource }: { clusterId: string; resource: TExplorerResource }) {
  const t = useTranslations("explorer");
  // The view lives in the URL; every control merges its change into it (useUrlParams).
  const { params, setParams: update } = useUrlParams();
  const namespaced = RESOURCE_INFO[resource].namespaced;
  const namespace = namespaced ? (params.get("ns") ?? "") : "";
  const labelSelector = params.get("l") ?? "";
  const filter = params.get("q") ?? "";
  const fallback = DEFAULT_SORT[resource] ?? { key: "name", dir: "asc" };
  const sort: SortState = { key: params.get("sort") ?? fallback.key, dir: params.get("dir") === "desc" ? "desc" : params.get("dir") === "asc" ? "asc" : fallback.dir };

  const { query, data, live } = useKubeList(clusterId, resource, namespace, labelSelector);
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const items = data?.items ?? [];
  // kubectl top's CPU/memory beside pods and nodes (metrics.k8s.io, every 15 s).
  const usage = useUsageColumns(clusterId, resource, namespace);
  const { columns, rows } = useTableRows(resource, items, namespaced && !namespace, filter, sort, usage.extra);

  return (
    <section aria-label={t(`resources.${resource}`)}>
      <ListToolbar
        clusterId={clusterId}
        namespaced={namespaced}
        namespace={namespace}
        labelSelector={labelSelector}
        filter={filter}
        count={rows.length}
        total={items.length}
        onChange={update}
      />
      {data ? <StaleBanner cluster={data.cluster} error={data.error} stale={data.stale} live={live} hasData={items.length > 0} onRetry={() => void query.refetch()} /> : null}
      {usage.unavailable ? <UsageUnavailable usage={usage.unavailable} /> : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} /> : null}
      {data && items.length === 0 && !data.error ? (
        <EmptyState title={t("empty.title", { resource: t(`resources.${resource}`) })}>{namespace || labelSelector ? t("empty.filtered") : null}</EmptyState>
      ) : null}
      {data && items.length === 0 && data.error && data.error.code !== "unavailable" ? (
        <ErrorState message={clusterErrorMessage(data.error)} onRetry={() => void query.refetch()} />
      ) : null}
      {items.length > 0 ? (
        <ResourceTable
          clusterId={clusterId}
          resource={resource}
          columns={columns}
          rows={rows}
          showNamespace={namespaced && !namespace}
          sort={sort}
          onSort={(s) => update({ sort: s.key, dir: s.dir })}
        />
      ) : null}
    </section>
  );
}
