"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import { clusterGroupKeys, createClusterGroup, deleteClusterGroup, fetchClusterGroups } from "@/lib/client/cluster-groups";
import type { TClusterGroup } from "@/lib/shared/cluster-groups/cluster-groups.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Saved cluster groups: the list (selection, clusters now, bundles using it), a create form and a confirmed delete. */
export function ClusterGroups({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("bundles.groups");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: clusterGroupKeys.all(), queryFn: ({ signal }) => fetchClusterGroups(signal) });
  const [byIds, setByIds] = useState(false);
  const [removing, setRemoving] = useState<TClusterGroup | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: clusterGroupKeys.all() });
  const create = useMutation({ mutationFn: createClusterGroup, onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => deleteClusterGroup(id), onSuccess: async () => (await refresh(), setRemoving(null)) });
  const fields = create.error instanceof ApiClientError ? create.error.fields : {};
  const items = groups.data?.items ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const str = (k: string) => String(form.get(k) ?? "").trim();
    const description = str("description");
    create.mutate(
      { name: str("name"), ...(description ? { description } : {}), ...(byIds ? { clusterIds: str("ids").split(",").map((s) => s.trim()).filter(Boolean) } : { clusterSelector: str("selector") }) },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <section className="space-y-6">
      {groups.isPending ? <LoadingState /> : null}
      {groups.isError ? <ErrorState message={errorMessage(groups.error)} onRetry={() => void groups.refetch()} /> : null}
      {groups.isSuccess && items.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      {items.length > 0 ? (
        <DataTable label={t("title")} dense={false} columns={[t("col.name"), t("col.selection"), t("col.clusters"), t("col.bundles"), ...(canWrite ? [""] : [])]}>
          {items.map((g) => (
            <tr key={g.id} data-testid={`group-row-${g.name}`}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-200">{g.name}</div>
                {g.description ? <div className="text-xs text-slate-500">{g.description}</div> : null}
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-300">{g.clusterSelector ?? g.clusterIds.join(", ")}</td>
              <td className="px-4 py-2">{g.clusterCount}</td>
              <td className="px-4 py-2 text-slate-300">{g.bundles.join(", ")}</td>
              {canWrite ? (
                <td className="px-4 py-2 text-right">
                  <Button variant="danger" onClick={() => (remove.reset(), setRemoving(g))} aria-label={t("deleteNamed", { name: g.name })}>
                    {t("delete")}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {canWrite ? (
        <form onSubmit={onSubmit} className="max-w-2xl space-y-3 rounded-lg border border-slate-800 p-4" aria-label={t("create")}>
          <h2 className="text-sm font-medium text-slate-200">{t("create")}</h2>
          <TextField name="name" label={t("name")} required autoComplete="off" error={fields.name} />
          <TextField name="description" label={t("descriptionField")} error={fields.description} />
          <div className="flex gap-4 text-sm text-slate-300">
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" checked={!byIds} onChange={() => setByIds(false)} />
              {t("bySelector")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" checked={byIds} onChange={() => setByIds(true)} />
              {t("byIds")}
            </label>
          </div>
          {byIds ? (
            <TextField name="ids" label={t("ids")} required className="font-mono" error={fields.clusterIds} />
          ) : (
            <TextField name="selector" label={t("selector")} hint={t("selectorHint")} required className="font-mono" error={fields.clusterSelector} />
          )}
          {create.isError && Object.keys(fields).length === 0 ? <ErrorState message={errorMessage(create.error)} /> : null}
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t("submit")}
          </Button>
        </form>
      ) : null}
      {removing ? (
        <ConfirmDialog
          open
          title={t("deleteTitle", { name: removing.name })}
          body={removing.bundles.length > 0 ? t("deleteInUse", { bundles: removing.bundles.join(", ") }) : t("deleteBody")}
          confirmLabel={t("delete")}
          danger
          pending={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onConfirm={() => remove.mutate(removing.id)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
