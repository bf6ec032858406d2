"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { TAuditEvent } from "@/lib/shared/audit/audit.schema";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { DataTable } from "@/components/ui/data-table";

const FILTERS = ["actor", "action", "outcome", "target"] as const;

/** Audit log with filters kept in the URL (shareable links) and keyset paging. */
export function AuditLog() {
  const t = useTranslations("audit");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : [])));

  const events = useInfiniteQuery({
    queryKey: queryKeys.audit(filters),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...filters, limit: "100", ...(pageParam ? { before: pageParam } : {}) });
      return apiFetch<{ items: TAuditEvent[]; nextBefore: string | null }>(`/api/v1/audit?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of FILTERS) {
      const value = String(form.get(key) ?? "").trim();
      if (value) params.set(key, value);
    }
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`);
  }

  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        {(["actor", "action", "target"] as const).map((key) => (
          <label key={key} className="space-y-1 text-xs text-slate-400">
            <span className="block">{t(`filter.${key}`)}</span>
            <input name={key} defaultValue={filters[key] ?? ""} className="w-44 rounded border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm text-slate-100" />
          </label>
        ))}
        <label className="space-y-1 text-xs text-slate-400">
          <span className="block">{t("filter.outcome")}</span>
          <select name="outcome" defaultValue={filters.outcome ?? ""} className="rounded border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm text-slate-100">
            <option value="">{t("any")}</option>
            <option value="success">{t("success")}</option>
            <option value="failure">{t("failure")}</option>
            <option value="denied">{t("denied")}</option>
          </select>
        </label>
        <Button type="submit">{t("apply")}</Button>
      </form>
      {events.isPending ? <LoadingState /> : null}
      {events.isError ? <ErrorState message={errorMessage(events.error)} onRetry={() => void events.refetch()} /> : null}
      {events.isSuccess && rows.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {rows.length > 0 ? (
        <DataTable label={t("title")} columns={[t("col.time"), t("col.actor"), t("col.action"), t("col.target"), t("col.outcome"), t("col.ip"), t("col.details")]}>
          {rows.map((e) => (
            <Fragment key={e.id}>
            <tr className="align-top hover:bg-slate-900/60">
              <td className="px-3 py-2 whitespace-nowrap text-slate-400" title={e.at}>
                {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "medium" })}
              </td>
              <td className="px-3 py-2 font-mono">{e.actorName}</td>
              <td className="px-3 py-2 font-mono whitespace-nowrap text-sky-300">{e.action}</td>
              <td className="px-3 py-2">
                {/* Table cells ignore max-width; a block inside them does not. */}
                <div className="max-w-48 truncate" title={e.targetName ?? e.targetId ?? undefined}>
                  {e.targetName ?? e.targetId ?? "—"}
                </div>
              </td>
              <td className="px-3 py-2">
                <Badge tone={e.outcome === "success" ? "green" : e.outcome === "denied" ? "amber" : "red"}>{e.outcome === "success" ? t("success") : e.outcome === "denied" ? t("denied") : t("failure")}</Badge>
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-400">{e.ip ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-400">
                {e.details ? (
                  // Long details open in a row of their own instead of widening the table.
                  <button
                    type="button"
                    aria-expanded={open.has(e.id)}
                    aria-label={t("detailsToggle", { action: e.action })}
                    onClick={() => toggle(e.id)}
                    className="block w-full max-w-60 truncate text-left hover:text-white"
                  >
                    {open.has(e.id) ? "▾ " : "▸ "}
                    {JSON.stringify(e.details)}
                  </button>
                ) : null}
              </td>
            </tr>
            {open.has(e.id) && e.details ? (
              <tr data-testid="audit-details">
                <td colSpan={7} className="bg-slate-950 px-3 py-2">
                  <pre className="font-mono text-xs break-all whitespace-pre-wrap text-slate-300">{JSON.stringify(e.details, null, 2)}</pre>
                </td>
              </tr>
            ) : null}
            </Fragment>
          ))}
        </DataTable>
      ) : null}
      {events.hasNextPage ? (
        <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {t("more")}
        </Button>
      ) : null}
    </section>
  );
}
