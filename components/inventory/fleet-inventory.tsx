"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { fleetKeys, toQueryString } from "@/lib/client/fleet/fleet-keys";
import { useUrlParams } from "@/lib/client/use-url-params";
import { clusterHref } from "@/lib/shared/fleet/fleet-links";
import { gibibytes } from "@/lib/shared/inventory/format-memory";
import { INVENTORY_FACETS, type TInventory, type TInventoryFacet } from "@/lib/shared/inventory/inventory.schema";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-none";
/** URL parameters of the page, its API and its CSV (lib/shared/inventory ZInventoryQuerySchema). */
const PARAMS = [...INVENTORY_FACETS, "gpu", "rt", "q"] as const;
const FACETS_SHOWN = 8;
// Units as the apiserver prints them, in every language.
const GIB = "GiB";

/** Counts of one facet; a value is a toggle that filters the page by it. */
function FacetCounts({ facet, counts, active, onPick }: { facet: TInventoryFacet; counts: TInventory["counts"][TInventoryFacet]; active: string; onPick: (value: string) => void }) {
  const t = useTranslations("inventory");
  const [all, setAll] = useState(false);
  const shown = all ? counts : counts.slice(0, FACETS_SHOWN);
  return (
    <section className="min-w-48 flex-1 space-y-1.5 rounded-lg border border-slate-800 p-3" aria-label={t("facetLabel", { facet: t(`facet.${facet}`) })} data-testid={`facet-${facet}`}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-400">{t(`facet.${facet}`)}</h3>
      <ul className="space-y-0.5">
        {shown.map((c) => (
          <li key={c.value}>
            <button
              type="button"
              aria-pressed={active === c.value}
              title={t("facetValue", { value: c.value || t("noneValue"), nodes: c.nodes, clusters: c.clusters })}
              onClick={() => onPick(active === c.value ? "" : c.value)}
              className={`flex w-full items-baseline justify-between gap-3 rounded px-1.5 py-0.5 text-left text-sm ${active === c.value ? "bg-sky-900/60 text-white" : "text-slate-300 hover:bg-slate-800"}`}
            >
              <span className="truncate font-mono text-xs">{c.value || t("noneValue")}</span>
              <span className="tabular-nums text-slate-400" data-testid="facet-count">
                {c.nodes}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {counts.length > FACETS_SHOWN ? (
        <button type="button" className="text-xs text-sky-400 hover:underline" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? "−" : `+${counts.length - FACETS_SHOWN}`}
        </button>
      ) : null}
    </section>
  );
}

/**
 * /fleet/inventory — node hardware across every cluster from the collector's snapshots:
 * counts by architecture, OS image, kernel, k3s version and extended resource (each a
 * filter), the matching nodes, and the same filters as a CSV download. Filters live in the URL.
 */
export function FleetInventory() {
  const t = useTranslations("inventory");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const { params, setParams } = useUrlParams();
  const query: Record<string, string> = {};
  for (const k of PARAMS) {
    const v = params.get(k)?.trim();
    if (v) query[k] = v;
  }
  const qs = toQueryString(query);
  const [text, setText] = useState(query.q ?? "");
  useEffect(() => {
    if (text.trim() === (query.q ?? "")) return;
    const timer = setTimeout(() => setParams({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // setParams is rebuilt every render; the text and the URL's q decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, query.q]);
  const inventory = useQuery({ queryKey: fleetKeys.inventory(query), queryFn: () => apiFetch<TInventory>(`/api/v1/fleet/inventory${qs}`) });
  const data = inventory.data;
  const filtered = Object.keys(query).length > 0;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label={t("filters")}>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          {t("search")}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("searchPlaceholder")} className={`${CONTROL} w-64`} />
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" checked={query.gpu === "1"} onChange={(e) => setParams({ gpu: e.target.checked ? "1" : "" })} />
          {t("onlyAccelerators")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" checked={query.rt === "1"} onChange={(e) => setParams({ rt: e.target.checked ? "1" : "" })} />
          {t("onlyRealtime")}
        </label>
        {filtered ? (
          <button
            type="button"
            className="text-sm text-sky-400 hover:underline"
            onClick={() => {
              setText("");
              setParams(Object.fromEntries(PARAMS.map((k) => [k, ""])));
            }}
          >
            {t("clearFilters")}
          </button>
        ) : null}
        <a href={`/api/v1/fleet/inventory/csv${qs}`} download className="ml-auto rounded-md border border-slate-700 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-800" data-testid="inventory-csv">
          {t("downloadCsv")}
        </a>
      </div>
      {inventory.isPending ? <LoadingState /> : null}
      {inventory.isError ? <ErrorState message={errorMessage(inventory.error)} onRetry={() => void inventory.refetch()} /> : null}
      {data ? (
        <>
          <p className="text-sm text-slate-300" data-testid="inventory-totals">
            {t("totals", data.totals)}
          </p>
          <div className="flex flex-wrap gap-3">
            {INVENTORY_FACETS.map((f) => (
              <FacetCounts key={f} facet={f} counts={data.counts[f]} active={query[f] ?? ""} onPick={(value) => setParams({ [f]: value })} />
            ))}
          </div>
          {data.nodes.length === 0 ? <EmptyState title={filtered ? t("empty") : t("emptyFleet")} /> : null}
          {data.truncated ? <p className="text-xs text-slate-400">{t("truncated", { shown: data.nodes.length })}</p> : null}
          {data.nodes.length > 0 ? (
            <DataTable
              label={t("tableLabel")}
              columns={[t("column.cluster"), t("column.node"), t("column.roles"), t("column.arch"), t("column.os"), t("column.kernel"), t("column.version"), t("column.cpu"), t("column.memory"), t("column.extended"), t("column.collected")]}
            >
              {data.nodes.map((n) => {
                const gib = gibibytes(n.memoryCapacity);
                return (
                  <tr key={`${n.clusterId}/${n.name}`} data-testid="inventory-node" className="hover:bg-slate-900/60">
                    <td className="px-3 py-2">
                      <Link href={clusterHref(n.clusterId)} className="text-slate-200 hover:underline">
                        {n.clusterName}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/clusters/${encodeURIComponent(n.clusterId)}/nodes/${encodeURIComponent(n.name)}`} className="font-mono text-sky-300 hover:underline">
                        {n.name}
                      </Link>
                      {n.ready ? null : <span className="ml-2 font-mono text-xs text-amber-300">{t("notReady")}</span>}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-400">{n.roles.join(",")}</td>
                    <td className="px-3 py-2 font-mono text-xs">{n.architecture}</td>
                    <td className="px-3 py-2 text-xs text-slate-300">{n.osImage}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-300">
                      {n.kernelVersion}
                      {n.realtime ? (
                        <span title={t("realtimeTitle")} className="ml-1.5 rounded bg-violet-900/60 px-1 font-sans text-violet-200">
                          {t("realtime")}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-300">{n.kubeletVersion}</td>
                    <td className="px-3 py-2 text-right font-mono text-xs tabular-nums">{n.cpuCapacity}</td>
                    <td className="px-3 py-2 text-right font-mono text-xs tabular-nums" title={n.memoryCapacity}>
                      {gib ? `${gib} ${GIB}` : n.memoryCapacity}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-300">
                      {Object.entries(n.extended)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(", ")}
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-400" title={n.collectedAt}>
                      {format.relativeTime(new Date(n.collectedAt))}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
