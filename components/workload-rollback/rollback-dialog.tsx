"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys, objectUrl } from "@/lib/client/explorer/explorer-keys";
import type { TRollbackResource, TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { YamlDiff } from "@/components/yaml-apply/yaml-diff";
import { FormError } from "@/components/ui/form-error";

const KIND: Readonly<Record<TRollbackResource, string>> = { deployments: "Deployment", statefulsets: "StatefulSet", daemonsets: "DaemonSet" };

/**
 * "Roll back" on a Deployment, StatefulSet or DaemonSet: its revisions (ReplicaSets or
 * ControllerRevisions) with their images, pick one (the previous preselected), see the
 * pod-template diff against another revision (the current by default), confirm —
 * `kubectl rollout undo --to-revision`.
 */
export function RollbackDialog({ clusterId, resource, namespace, name }: { clusterId: string; resource: TRollbackResource; namespace: string; name: string }) {
  const t = useTranslations("rollback");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const url = objectUrl(clusterId, resource, namespace, name, "/rollback");
  const history = useQuery({ queryKey: [...explorerKeys.cluster(clusterId), "rollback", resource, namespace, name], queryFn: ({ signal }) => apiFetch<TWorkloadHistory>(url, { signal }), enabled: open });
  const revisions = history.data?.revisions ?? [];
  const current = revisions.find((r) => r.current)?.revision ?? null;
  const previous = revisions.find((r) => !r.current)?.revision ?? null;
  const target = chosen ?? previous;
  const compareWith = base ?? current;
  const from = revisions.find((r) => r.revision === compareWith);
  const to = revisions.find((r) => r.revision === target);
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
    setBase(null);
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
        title={t("title", { kind: KIND[resource], name })}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button variant="primary" disabled={target === null || target === current || run.isPending} onClick={() => run.mutate()}>
              {target === null ? t("confirmNone") : t("confirm", { revision: target })}
            </Button>
          </>
        }
      >
        {history.isPending ? <p className="text-sm text-slate-400">{t("loading")}</p> : null}
        <FormError message={history.error ? errorMessage(history.error) : null} />
        {history.data && revisions.length < 2 ? <p className="text-sm text-slate-400">{t("noPrevious")}</p> : null}
        <fieldset className="space-y-1" aria-label={t("revisions")}>
          {revisions.map((r) => (
            <label key={r.revision} className="flex items-baseline gap-2 text-sm text-slate-200">
              <input type="radio" name="revision" disabled={r.current} checked={target === r.revision} onChange={() => setChosen(r.revision)} />
              <span className="font-mono">{t("revision", { revision: r.revision })}</span>
              <span className="font-mono text-xs text-slate-400">{r.images.join(", ")}</span>
              {r.current ? <span className="text-xs text-sky-300">{t("current")}</span> : null}
            </label>
          ))}
        </fieldset>
        {from && to ? (
          <div className="space-y-2">
            <SelectField label={t("compareWith")} value={compareWith ?? ""} onChange={(e) => setBase(Number(e.target.value))}>
              {revisions.map((r) => (
                <option key={r.revision} value={r.revision}>
                  {r.current ? t("revisionCurrent", { revision: r.revision }) : t("revision", { revision: r.revision })}
                </option>
              ))}
            </SelectField>
            <YamlDiff before={from.template} after={to.template} label={t("diffLabel", { from: from.revision, to: to.revision })} />
          </div>
        ) : null}
        <FormError message={run.error ? errorMessage(run.error) : null} />
      </Dialog>
    </>
  );
}
