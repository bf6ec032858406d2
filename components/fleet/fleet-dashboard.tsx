"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { fleetKeys, toQueryString } from "@/lib/client/fleet/fleet-keys";
import { useFleetStream } from "@/lib/client/fleet/use-fleet-stream";
import type { TFleetClustersPage } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FleetSummaryCards } from "./fleet-summary-cards";
import { FleetTable } from "./fleet-table";
import { FleetToolbar } from "./fleet-toolbar";
import { PAGE_SIZE, parseFleetView, toClustersQuery, type TFleetView } from "./fleet-view";
import { StreamStatusBadge } from "./stream-status-badge";

/**
 * The NOC overview: live totals, and a server-paged cluster table whose view (search,
 * filters, grouping, sort, page) lives in the URL. Everything is read from Postgres; the
 * stream patches the totals and the rows on screen.
 */
export function FleetDashboard({ initial }: { initial?: { summary: TFleetSummary; page: TFleetClustersPage; search: string } }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const view = useMemo(() => parseFleetView(new URLSearchParams(params.toString())), [params]);
  const stream = useFleetStream("changes");

  const setView = useCallback(
    (next: Partial<TFleetView>) => {
      const merged = { ...view, offset: 0, ...next };
      router.replace(`${pathname}${toQueryString({ ...merged, offset: merged.offset || undefined })}`, { scroll: false });
    },
    [view, router, pathname],
  );

  // The server renders the first view from Postgres (initial), so the table is in the first paint.
  const summary = useQuery({ queryKey: fleetKeys.summary(), queryFn: () => apiFetch<TFleetSummary>("/api/v1/fleet/summary"), initialData: initial?.summary });
  const query = toClustersQuery(view);
  const page = useQuery({
    queryKey: fleetKeys.clusters(query),
    queryFn: () => apiFetch<TFleetClustersPage>(`/api/v1/fleet/clusters${toQueryString(query)}`),
    initialData: initial && initial.search === params.toString() ? initial.page : undefined,
    placeholderData: keepPreviousData,
    // The stream keeps visible rows current; refetching is for paging and filtering only.
    staleTime: Infinity,
  });
  const labelKeys = useMemo(() => [...new Set((page.data?.items ?? []).flatMap((c) => Object.keys(c.labels)))].sort(), [page.data]);

  if (summary.data && summary.data.clusters.total === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <Link href="/clusters" className="text-sky-400 hover:underline">
          {t("emptyAction")}
        </Link>
      </EmptyState>
    );
  }
  const data = page.data;
  return (
    <div className="space-y-5">
      <div className="flex items-center justify-end gap-3">
        <StreamStatusBadge status={stream.status} />
      </div>
      {summary.data ? <FleetSummaryCards summary={summary.data} /> : summary.isError ? <ErrorState message={errorMessage(summary.error)} /> : <LoadingState />}
      <FleetToolbar view={view} labelKeys={labelKeys} onChange={setView} />
      {page.isError ? <ErrorState message={errorMessage(page.error)} onRetry={() => void page.refetch()} /> : null}
      {data ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-400">
            <span data-testid="fleet-range">
              {data.total === 0 ? t("noMatches") : t("range", { from: format.number(view.offset + 1), to: format.number(view.offset + data.items.length), total: format.number(data.total) })}
            </span>
            <div className="flex gap-2">
              <Button size="sm" onClick={() => void queryClient.invalidateQueries({ queryKey: fleetKeys.clustersAll() })}>
                {t("refresh")}
              </Button>
              <Button size="sm" disabled={view.offset === 0} onClick={() => setView({ offset: Math.max(0, view.offset - PAGE_SIZE) })}>
                {t("previous")}
              </Button>
              <Button size="sm" disabled={view.offset + PAGE_SIZE >= data.total} onClick={() => setView({ offset: view.offset + PAGE_SIZE })}>
                {t("next")}
              </Button>
            </div>
          </div>
          {data.items.length > 0 ? <FleetTable page={data} group={view.group} freshAt={summary.data?.freshAt ?? null} summaryAt={summary.data?.at ?? null} /> : null}
        </>
      ) : page.isPending ? (
        <LoadingState />
      ) : null}
    </div>
  );
}
