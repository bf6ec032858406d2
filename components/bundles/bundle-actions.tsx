"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { bundleAction, bundleKeys, createBundleRevision } from "@/lib/client/bundles";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { YamlField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";

type TAction = "pause" | "resume" | "abort" | "rollback";

/** Pause, resume, abort, roll back (each confirmed) and a new revision (operators and admins). */
export function BundleActions({ bundle }: { bundle: TBundleDetail }) {
  const t = useTranslations("bundles.actions");
  const tb = useTranslations("bundles");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TAction | null>(null);
  const [rollbackTo, setRollbackTo] = useState<number>(Math.max(1, bundle.revision - 1));
  const [editing, setEditing] = useState(false);
  const [yaml, setYaml] = useState("");
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: bundleKeys.all() });
    setAsking(null);
    setEditing(false);
  };
  const act = useMutation({ mutationFn: (a: TAction) => bundleAction(bundle.id, a, a === "rollback" ? { revision: rollbackTo } : {}), onSuccess: done });
  const revise = useMutation({ mutationFn: () => createBundleRevision(bundle.id, yaml), onSuccess: done });
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
      <Button variant="primary" onClick={() => (revise.reset(), setEditing(true))}>
        {t("newRevision")}
      </Button>
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
            <Button variant="primary" disabled={revise.isPending || yaml.trim() === ""} onClick={() => revise.mutate()}>
              {t("submitRevision")}
            </Button>
          </>
        }
      >
        <p className="mb-3 text-sm text-slate-400">{t("revisionBody")}</p>
        <YamlField label={tb("form.yaml")} value={yaml} onChange={(e) => setYaml(e.target.value)} error={revise.isError ? errorMessage(revise.error) : undefined} />
      </Dialog>
    </div>
  );
}
