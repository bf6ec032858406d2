"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { clusterKeys, fetchClusters } from "@/lib/client/clusters";
import { CLUSTER_STATES } from "@/lib/shared/clusters/clusters.schema";
import { KubeconfigDownload } from "@/components/explorer/kubeconfig-download";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ClusterStateBadge } from "./cluster-state-badge";
import { ImportClusterDialog } from "./import-cluster-dialog";

/** Registered clusters with state, versions and last seen; filters live in the URL. */
export function ClustersList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("clusters");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [importing, setImporting] = useState(false);
  const filters = Object.fromEntries(["q", "state"].flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : [])));
  const clusters = useQuery({
    queryKey: clusterKeys.list(filters),
    queryFn: ({ signal }) => fetchClusters(filters, signal),
    refetchInterval: 5_000,
  });

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of ["q", "state"]) {
      const value = String(form.get(key) ?? "").trim();
      if (value) params.set(key, value);
    }
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`);
  }

  const items = clusters.data?.items ?? [];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form onSubmit={onFilter} className="flex flex-wrap items-end gap-2" role="search">
          <input name="q" defaultValue={filters.q ?? ""} aria-label={t("filterLabel")} placeholder={t("filterPlaceholder")} className="w-64 rounded border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm" />
          <select name="state" defaultValue={filters.state ?? ""} aria-label={t("stateFilter")} className="rounded border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm">
            <option value="">{t("anyState")}</option>
            {CLUSTER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
          <Button type="submit">{t("apply")}</Button>
        </form>
        <div className="flex gap-2">
          {/* One kubeconfig with a context per cluster, for kubectl through the console. */}
          <KubeconfigDownload />
          {canWrite ? (
            <Button variant="primary" onClick={() => setImporting(true)}>
              {t("importCluster")}
            </Button>
          ) : null}
        </div>
      </div>
      {clusters.isPending ? <LoadingState /> : null}
      {clusters.isError ? <ErrorState message={errorMessage(clusters.error)} onRetry={() => void clusters.refetch()} /> : null}
      {clusters.isSuccess && items.length === 0 ? (
        <EmptyState title={Object.keys(filters).length ? t("noMatch") : t("emptyTitle")}>{Object.keys(filters).length ? null : t("emptyBody")}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <DataTable label={t("title")} dense={false} columns={(["name", "state", "location", "version", "nodes", "agent", "lastSeen"] as const).map((c) => t(`col.${c}`))}>
          {items.map((c) => (
            <tr key={c.id} data-testid={`cluster-row-${c.name}`} className="hover:bg-slate-900/60">
              <td className="px-4 py-2">
                <Link href={`/clusters/${c.id}`} className="font-medium text-sky-300 hover:underline">
                  {c.displayName}
                </Link>
                {c.displayName !== c.name ? <div className="font-mono text-xs text-slate-500">{c.name}</div> : null}
              </td>
              <td className="px-4 py-2">
                <ClusterStateBadge state={c.state} reason={c.stateReason} />
                {c.stateReason ? <div className="max-w-xs truncate text-xs text-slate-500" title={c.stateReason}>{c.stateReason}</div> : null}
              </td>
              <td className="px-4 py-2 text-slate-300">{[c.region, c.site].filter(Boolean).join(" / ") || "—"}</td>
              <td className="px-4 py-2 font-mono text-xs">{c.kubernetesVersion ?? "—"}</td>
              <td className="px-4 py-2">{c.nodeCount ?? "—"}</td>
              <td className="px-4 py-2 font-mono text-xs">{c.agentVersion ?? "—"}</td>
              <td className="px-4 py-2 text-slate-400">
                <RelativeTime value={c.lastSeenAt} fallback={t("never")} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <ImportClusterDialog open={importing} onClose={() => setImporting(false)} />
    </section>
  );
}
