"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiResources } from "@/lib/client/resources/use-api-resources";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useUrlParams } from "@/lib/client/use-url-params";
import { useResourceTable } from "@/lib/client/resources/use-resource-table";
import { resourcePageHref, type TResourceRef } from "@/lib/shared/resources/resource-path";
import type { TTableRow } from "@/lib/shared/resources/resources.schema";
import type { TInitialTablePage } from "@/lib/shared/resources/table-paging";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ListToolbar } from "@/components/explorer/list-toolbar";
import { cellText, gridColumns, TableGrid } from "./table-grid";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none";

/** Sortable value of a cell: numbers as numbers, AGE-like columns by creation time. */
function sortValue(row: TTableRow, cell: number, type: string, header: string): string | number {
  if (cell < 0) return row.object?.metadata.namespace ?? "";
  if (header === "AGE" || type === "date") return -Date.parse(row.object?.metadata.creationTimestamp ?? "") || 0;
  const v = row.cells[cell];
  return typeof v === "number" ? v : String(v ?? "");
}

/**
 * Any resource's list, exactly as `kubectl get` prints it (the apiserver's Table): columns
 * from the cluster, priority-1 columns behind "wide", namespace, label/field selectors and
 * text filter, sort, pages fetched with `continue` while scrolling, live by watch. The
 * view lives in the URL (`?ns=&l=&f=&q=&sort=&dir=&wide=1`) so a link shares it.
 * `initialPage` is the first page read with the page on the server (its rows are in the HTML).
 */
export function ResourceListView({ clusterId, resourceRef, initialPage }: { clusterId: string; resourceRef: TResourceRef; initialPage?: TInitialTablePage | null }) {
  const t = useTranslations("resources");
  // The view lives in the URL; every control merges its change into it (useUrlParams).
  const { params, setParams: update } = useUrlParams();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const discovery = useApiResources(clusterId);
  // The navigation beside this list (outside its Suspense boundary) reads the same
  // discovery and may have it before this list hydrates: not before hydration (React #418).
  const discovered = useHydrated() ? discovery.data : undefined;
  const info = discovered?.resources.find((r) => r.group === resourceRef.group && r.version === resourceRef.version && r.resource === resourceRef.resource);
  const namespaced = info?.namespaced ?? true;
  const namespace = namespaced ? (params.get("ns") ?? "") : "";
  const labelSelector = params.get("l") ?? "";
  const fieldSelector = params.get("f") ?? "";
  const filter = (params.get("q") ?? "").toLowerCase();
  const wide = params.get("wide") === "1";
  const sortParam = params.get("sort");
  const sort = sortParam === null ? null : { column: Number(sortParam), dir: params.get("dir") === "desc" ? ("desc" as const) : ("asc" as const) };
  const [fieldText, setFieldText] = useState(fieldSelector);


  const table = useResourceTable(clusterId, resourceRef, { namespace, labelSelector, fieldSelector }, initialPage);
  const columns = gridColumns(table.columns, { namespace: namespaced && !namespace, wide, namespaceHeader: "NAMESPACE" });
  const rows = (() => {
    const visible = filter ? table.rows.filter((r) => columns.some((c) => cellText(r, c).toLowerCase().includes(filter))) : table.rows;
    if (!sort || !columns[sort.column]) return visible;
    const c = columns[sort.column]!;
    const sign = sort.dir === "asc" ? 1 : -1;
    return [...visible].sort((a, b) => {
      const x = sortValue(a, c.cell, c.type, c.header);
      const y = sortValue(b, c.cell, c.type, c.header);
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true })) * sign;
    });
  })();
  const hrefOf = (row: TTableRow) => {
    const m = row.object?.metadata;
    return m?.name ? resourcePageHref(clusterId, resourceRef, { namespace: m.namespace, name: m.name }) : null;
  };
  const kind = info?.kind ?? resourceRef.resource;

  return (
    <section aria-label={kind} className="min-w-0 space-y-3">
      <header className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold text-white">{kind}</h2>
        <span className="font-mono text-xs text-slate-500">
          {resourceRef.resource}
          {resourceRef.group ? `.${resourceRef.group}` : ""}
        </span>
        {info && info.otherVersions.length > 0 ? (
          <label className="flex items-center gap-2 text-xs text-slate-400">
            {t("list.version")}
            <select className={CONTROL} value={resourceRef.version} onChange={(e) => router.push(resourcePageHref(clusterId, { ...resourceRef, version: e.target.value }))}>
              {[resourceRef.version, ...info.otherVersions].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="ml-auto flex items-center gap-2 text-xs text-slate-400">
          <input type="checkbox" checked={wide} onChange={(e) => update({ wide: e.target.checked ? "1" : "" })} />
          {t("list.wide")}
        </label>
        <span className={`text-xs ${table.live ? "text-emerald-400" : "text-slate-500"}`} aria-live="polite">
          {table.live ? t("list.live") : t("list.notLive")}
        </span>
      </header>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <ListToolbar clusterId={clusterId} namespaced={namespaced} namespace={namespace} labelSelector={labelSelector} filter={params.get("q") ?? ""} count={rows.length} total={table.rows.length} onChange={update} />
        </div>
        <form
          className="mb-3 space-y-1 text-xs text-slate-400"
          onSubmit={(e) => {
            e.preventDefault();
            update({ f: fieldText.trim() });
          }}
        >
          <label className="block" htmlFor="field-selector">
            {t("list.fieldSelector")}
          </label>
          <input id="field-selector" className={`${CONTROL} w-56 font-mono`} value={fieldText} placeholder={t("list.fieldSelectorPlaceholder")} onChange={(e) => setFieldText(e.target.value)} />
        </form>
      </div>
      {table.query.isPending ? <LoadingState /> : null}
      {table.query.isError ? <ErrorState message={errorMessage(table.query.error)} onRetry={() => void table.query.refetch()} /> : null}
      {table.query.isSuccess && table.rows.length === 0 ? <EmptyState title={t("list.empty", { kind })}>{namespace || labelSelector || fieldSelector ? t("list.emptyFiltered") : null}</EmptyState> : null}
      {table.rows.length > 0 ? (
        <TableGrid
          label={kind}
          columns={columns}
          rows={rows}
          hrefOf={hrefOf}
          sort={sort}
          onSort={(column) => update({ sort: String(column), dir: sort?.column === column && sort.dir === "asc" ? "desc" : "asc" })}
          onNearEnd={table.loadMore}
        />
      ) : null}
      {table.query.hasNextPage ? (
        <p className="flex gap-2 text-xs text-slate-500">
          {table.remaining !== null ? t("list.more", { count: table.remaining }) : t("list.moreUnknown")}
          <button type="button" className="text-sky-300 hover:underline" onClick={table.loadMore}>
            {t("list.loadMore")}
          </button>
        </p>
      ) : null}
      {info ? null : discovered ? <p className="text-xs text-amber-300">{t("list.notServed")}</p> : null}
      <p className="text-xs text-slate-500">
        <Link className="hover:text-slate-300" href={`/clusters/${encodeURIComponent(clusterId)}/resources`}>
          {t("list.allResources")}
        </Link>
      </p>
    </section>
  );
}
