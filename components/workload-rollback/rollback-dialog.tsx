"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import type { TDeploymentHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * "Roll back" on a Deployment: its revisions (ReplicaSets) with their images, pick one
 * (the previous preselected), confirm — `kubectl rollout undo --to-revision`.
 */
export function RollbackDialog({ clusterId, namespace, name }: { clusterId: string; namespace: string; name: string }) {
  const t = useTranslations("rollback");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const url = `/api/v1/clusters/${encodeURIComponent(clusterId)}/deployments/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/rollback`;
  const history = useQuery({ queryKey: [...explorerKeys.cluster(clusterId), "rollback", namespace, name], queryFn: ({ signal }) => apiFetch<TDeploymentHistory>(url, { signal }), enabled: open });
  const previous = history.data?.revisions.find((r) => !r.current)?.revision ?? null;
  const target = chosen ?? previous;
  const run = useMutation({
    mutationFn: () => apiFetch<{ revision: number }>(url, { method: "POST", body: { revision: target ?? undefined } }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: explorerKeys.cluster(clusterId) });
    },
  });
  const show = () => {
    run.reset();
    setChosen(null);
    setOpen(true);
  };
  return (
    <>
      <Button size="sm" onClick={show}>
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { name })}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button variant="primary" disabled={target === null || run.isPending} onClick={() => run.mutate()}>
              {target === null ? t("confirmNone") : t("confirm", { revision: target })}
            </Button>
          </>
        }
      >
        {history.isPending ? <p className="text-sm text-slate-400">{t("loading")}</p> : null}
        {history.error ? (
          <p role="alert" className="text-sm text-rose-400">
            {errorMessage(history.error)}
          </p>
        ) : null}
        {history.data && history.data.revisions.length < 2 ? <p className="text-sm text-slate-400">{t("noPrevious")}</p> : null}
        <fieldset className="space-y-1" aria-label={t("revisions")}>
          {history.data?.revisions.map((r) => (
            <label key={r.revision} className="flex items-baseline gap-2 text-sm text-slate-200">
              <input type="radio" name="revision" disabled={r.current} checked={target === r.revision} onChange={() => setChosen(r.revision)} />
              <span className="font-mono">{t("revision", { revision: r.revision })}</span>
              <span className="font-mono text-xs text-slate-400">{r.images.join(", ")}</span>
              {r.current ? <span className="text-xs text-sky-300">{t("current")}</span> : null}
            </label>
          ))}
        </fieldset>
        {run.error ? (
          <p role="alert" className="text-sm text-rose-400">
            {errorMessage(run.error)}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
