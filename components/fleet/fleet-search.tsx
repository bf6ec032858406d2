"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { useUrlParams } from "@/lib/client/use-url-params";
import { fleetKeys, toQueryString } from "@/lib/client/fleet/fleet-keys";
import type { TFleetSearchHit } from "@/lib/shared/fleet/fleet-api.schema";
import { clusterHref } from "@/lib/shared/fleet/fleet-links";
import { SEARCH_KINDS, type TSearchKind } from "@/lib/shared/fleet/fleet-query.schema";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { LabelChips } from "./health-cells";
import { DataTable } from "@/components/ui/data-table";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-none";

/** Pods, nodes, deployments and EdgeX devices across the fleet, by name or label, from the snapshot index. */
export function FleetSearch() {
  const t = useTranslations("fleet.searchPage");
  const tKind = useTranslations("fleet.kind");
  const errorMessage = useErrorMessage();
  // The search lives in the URL (`?q=&kind=`), so a link shares exactly these results.
  const { params, setParams } = useUrlParams();
  const q = (params.get("q") ?? "").trim();
  const kindParam = params.get("kind") ?? "";
  const kind: TSearchKind | "" = (SEARCH_KINDS as readonly string[]).includes(kindParam) ? (kindParam as TSearchKind) : "";
  // A debounced q merges into the kind chosen meanwhile (see useUrlParams).
  const [text, setText] = useState(q);
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => setParams({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // setParams is rebuilt every render; the text and the URL's q decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, q]);
  const setKind = (value: TSearchKind | "") => setParams({ kind: value });
  const query = { q, kind: kind || undefined, limit: 100 };
  const hits = useQuery({
    queryKey: fleetKeys.search(query),
    queryFn: () => apiFetch<{ items: TFleetSearchHit[] }>(`/api/v1/fleet/search${toQueryString(query)}`),
    enabled: q.length >= 2,
  });
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          {t("query")}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("placeholder")} className={`${CONTROL} w-80`} autoFocus />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          {t("kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as TSearchKind | "")} className={CONTROL}>
            <option value="">{t("allKinds")}</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {tKind(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.length < 2 ? <p className="text-sm text-slate-500">{t("hint")}</p> : null}
      {hits.isFetching && !hits.data ? <LoadingState /> : null}
      {hits.isError ? <ErrorState message={errorMessage(hits.error)} onRetry={() => void hits.refetch()} /> : null}
      {q.length >= 2 && hits.data?.items.length === 0 ? <EmptyState title={t("noResults")} /> : null}
      {q.length >= 2 && hits.data && hits.data.items.length > 0 ? (
        <DataTable label={t("results")} columns={[t("column.kind"), t("column.name"), t("column.namespace"), t("column.cluster"), t("column.status"), t("column.labels")]}>
          {hits.data.items.map((h) => (
            <tr key={`${h.clusterId}/${h.kind}/${h.namespace}/${h.name}`} data-testid="search-hit" className="hover:bg-slate-900/60">
              <td className="px-3 py-2 text-slate-400">{tKind(h.kind)}</td>
              <td className="px-3 py-2">
                <Link href={h.href} className="font-mono text-sky-300 hover:underline">
                  {h.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-400">{h.namespace || "—"}</td>
              <td className="px-3 py-2">
                <Link href={clusterHref(h.clusterId)} className="text-slate-200 hover:underline">
                  {h.clusterName}
                </Link>
              </td>
              <td className="px-3 py-2 text-slate-300">{h.status || "—"}</td>
              <td className="px-3 py-2">
                <LabelChips labels={h.labels} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
