"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { bundleAction, bundleKeys, createBundleRevision, deleteBundle } from "@/lib/client/bundles";
import type { TBundleDetail, TCreateBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { textToValues, valuesToText } from "@/lib/shared/bundles/values-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { YamlField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

type TAction = "pause" | "resume" | "abort" | "rollback";

/** Pause, resume, abort, roll back, delete (each confirmed) and a new revision — YAML and/or values (operators and admins). */
export function BundleActions({ bundle }: { bundle: TBundleDetail }) {
  const t = useTranslations("bundles.actions");
  const tb = useTranslations("bundles");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TAction | null>(null);
  const [rollbackTo, setRollbackTo] = useState<number>(Math.max(1, bundle.revision - 1));
  const [editing, setEditing] = useState(false);
  const [yaml, setYaml] = useState("");
  const [valuesText, setValuesText] = useState("");
  const [valuesError, setValuesError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [prune, setPrune] = useState(true);
  const router = useRouter();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: bundleKeys.all() });
    setAsking(null);
    setEditing(false);
  };
  const act = useMutation({ mutationFn: (a: TAction) => bundleAction(bundle.id, a, a === "rollback" ? { revision: rollbackTo } : {}), onSuccess: done });
  const revise = useMutation({ mutationFn: (body: TCreateBundleRevision) => createBundleRevision(bundle.id, body), onSuccess: done });
  const remove = useMutation({
    mutationFn: () => deleteBundle(bundle.id, prune),
    // Gone, or still pruning: the list shows which (and how many clusters are left).
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: bundleKeys.all() });
      setDeleting(false);
      router.push("/bundles");
    },
  });
  const initialValues = valuesToText(bundle.values, bundle.overrides);
  const submitRevision = () => {
    const parsed = textToValues(valuesText);
    if ("error" in parsed) return setValuesError(parsed.error);
    setValuesError(null);
    const changedValues = valuesText !== initialValues;
    const body: TCreateBundleRevision = {
      ...(yaml.trim() !== "" ? { source: { yaml } } : {}),
      ...(changedValues ? { values: parsed.values ?? {}, overrides: parsed.overrides ?? [] } : {}),
    };
    revise.mutate(body);
  };
  if (bundle.deleting) {
    return (
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={() => (remove.reset(), setPrune(false), setDeleting(true))}>
          {t("deleteNow")}
        </Button>
        {deleting ? (
          <ConfirmDialog open title={t("deleteTitle", { name: bundle.name })} body={t("deleteNowBody", { count: bundle.deleting.clustersLeft })} confirmLabel={t("deleteNow")} danger pending={remove.isPending} error={remove.isError ? errorMessage(remove.error) : null} onConfirm={() => remove.mutate()} onCancel={() => setDeleting(false)} />
        ) : null}
      </div>
    );
  }
  const older = bundle.revisions.filter((r) => r.number !== bundle.revision);
  const available: TAction[] = [
    ...(bundle.status === "progressing" ? (["pause"] as const) : []),
    ...(bundle.status === "paused" ? (["resume"] as const) : []),
    ...(bundle.status !== "aborted" ? (["abort"] as const) : []),
    ...(older.length > 0 ? (["rollback"] as const) : []),
  ];
  const bodies: Record<TAction, string> = {
    pause: t("pauseBody"),
    resume: t("resumeBody", { revision: bundle.revision }),
    abort: t("abortBody"),
    rollback: t("rollbackBody", { revision: rollbackTo }),
  };
  return (
    <div className="flex flex-wrap gap-2">
      {available.map((a) => (
        <Button key={a} variant={a === "abort" ? "danger" : "secondary"} onClick={() => (act.reset(), setAsking(a))}>
          {t(a)}
        </Button>
      ))}
      <Button variant="primary" onClick={() => (revise.reset(), setYaml(""), setValuesText(initialValues), setValuesError(null), setEditing(true))}>
        {t("newRevision")}
      </Button>
      <Button variant="danger" onClick={() => (remove.reset(), setPrune(true), setDeleting(true))}>
        {t("delete")}
      </Button>
      {deleting ? (
        <ConfirmDialog
          open
          title={t("deleteTitle", { name: bundle.name })}
          body={
            <div className="space-y-3">
              <p>{t("deleteBody")}</p>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={prune} onChange={(e) => setPrune(e.target.checked)} />
                {t("deletePrune")}
              </label>
              <p className="text-sm text-slate-400">{prune ? t("deletePruneOn") : t("deletePruneOff")}</p>
            </div>
          }
          confirmLabel={t("delete")}
          danger
          pending={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onConfirm={() => remove.mutate()}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
      {asking ? (
        <ConfirmDialog
          open
          title={t(`${asking}Title`)}
          body={
            <div className="space-y-3">
              <p>{bodies[asking]}</p>
              {asking === "rollback" ? (
                <label className="flex items-center gap-2 text-sm">
                  {t("rollbackTo")}
                  <select value={rollbackTo} onChange={(e) => setRollbackTo(Number(e.target.value))} className="rounded border border-slate-700 bg-slate-900 px-2 py-1">
                    {older.map((r) => (
                      <option key={r.number} value={r.number}>
                        {tb("revisionN", { number: r.number })}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
          }
          confirmLabel={t(asking)}
          danger={asking === "abort" || asking === "rollback"}
          pending={act.isPending}
          error={act.isError ? errorMessage(act.error) : null}
          onConfirm={() => act.mutate(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title={t("revisionTitle")}
        footer={
          <>
            <Button onClick={() => setEditing(false)}>{tb("form.cancel")}</Button>
            <Button variant="primary" disabled={revise.isPending || (yaml.trim() === "" && valuesText === initialValues)} onClick={submitRevision}>
              {t("submitRevision")}
            </Button>
          </>
        }
      >
        <p className="mb-3 text-sm text-slate-400">{bundle.git ? t("revisionBodyGit") : t("revisionBody")}</p>
        <div className="space-y-3">
          {bundle.git ? null : <YamlField required={false} label={tb("form.yaml")} hint={t("yamlKeep")} value={yaml} onChange={(e) => setYaml(e.target.value)} />}
          <YamlField required={false} rows={6} label={tb("form.values")} hint={tb("form.valuesHint", { valueVar: "${values.<key>}" })} value={valuesText} onChange={(e) => setValuesText(e.target.value)} error={valuesError ?? undefined} />
          <FormError message={revise.isError ? errorMessage(revise.error) : null} />
        </div>
      </Dialog>
    </div>
  );
}
