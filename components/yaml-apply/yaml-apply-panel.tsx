"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import type { TApplyDocumentResult, TApplyResult } from "@/lib/shared/yaml-apply/yaml-apply.schema";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { YamlDiff } from "./yaml-diff";
import { YamlEditor } from "./yaml-editor";
import { FormError } from "@/components/ui/form-error";

type Step = { kind: "edit" } | { kind: "review"; result: TApplyResult } | { kind: "done"; result: TApplyResult };

function DocumentResult({ doc }: { doc: TApplyDocumentResult }) {
  const t = useTranslations("yamlApply");
  const where = doc.namespace ? `${doc.namespace}/${doc.name}` : doc.name;
  return (
    <section className="space-y-2 rounded-md border border-slate-800 p-3" data-testid="apply-document">
      <h4 className="flex flex-wrap items-center gap-2 text-sm text-slate-200">
        <span className="font-mono">{`${doc.kind} ${where}`}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${doc.outcome === "conflict" || doc.outcome === "error" ? "bg-rose-900 text-rose-200" : "bg-slate-800 text-slate-300"}`} data-testid="apply-outcome">
          {t(`outcome.${doc.outcome}`)}
        </span>
        {doc.outcome === "configured" || doc.outcome === "created" ? <span className="text-xs text-slate-400">{t("lines", { added: doc.diff.added, removed: doc.diff.removed })}</span> : null}
      </h4>
      <FormError message={doc.error && doc.outcome === "error" ? doc.error.message : null} />
      {doc.conflicts.length > 0 ? (
        <div className="space-y-1">
          <p className="text-sm text-amber-300">{t("conflictIntro")}</p>
          <table className="text-sm" aria-label={t("conflictTable")}>
            <thead>
              <tr className="text-left text-xs text-slate-400">
                <th className="pr-4">{t("field")}</th>
                <th>{t("manager")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.conflicts.map((c) => (
                <tr key={`${c.field}-${c.manager}`}>
                  <td className="pr-4 font-mono">{c.field}</td>
                  <td className="font-mono">{c.manager}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {doc.result !== null && doc.outcome !== "unchanged" ? <YamlDiff before={doc.live ?? ""} after={doc.result} label={t("diffLabel", { name: where })} /> : null}
    </section>
  );
}

/**
 * Edit-and-apply of YAML (one object or a multi-document manifest): the editor, then
 * "Review changes" = the server's dry run of a server-side apply (field manager `outpost`)
 * shown as a diff against the live objects, then Apply. Fields another manager owns are
 * listed with their managers and can be taken with "Force apply". `namespace` is the
 * default for documents that name none (shown as a field when `askNamespace`).
 */
export function YamlApplyPanel({ clusterId, initialYaml, namespace: initialNamespace = "default", askNamespace = false, onCancel }: { clusterId: string; initialYaml: string; namespace?: string; askNamespace?: boolean; onCancel?: () => void }) {
  const t = useTranslations("yamlApply");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialYaml);
  const [namespace, setNamespace] = useState(initialNamespace);
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const run = useMutation({
    mutationFn: (opts: { mode: "dryRun" | "apply"; force: boolean }) => apiFetch<TApplyResult>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/apply`, { method: "POST", body: { yaml: text, namespace, ...opts } }),
    onSuccess: async (result) => {
      if (result.mode === "dryRun") return setStep({ kind: "review", result });
      setStep({ kind: "done", result });
      await queryClient.invalidateQueries({ queryKey: explorerKeys.cluster(clusterId) });
    },
  });
  const docs = step.kind === "edit" ? [] : step.result.documents;
  const hasErrors = docs.some((d) => d.outcome === "error");
  const hasConflicts = docs.some((d) => d.outcome === "conflict");
  const nothingToDo = docs.every((d) => d.outcome === "unchanged");

  return (
    <section className="space-y-3" aria-label={t("title")}>
      {step.kind === "edit" ? (
        <>
          {askNamespace ? <TextField label={t("namespace")} value={namespace} onChange={(e) => setNamespace(e.target.value)} /> : null}
          <YamlEditor value={text} onChange={setText} label={t("editorLabel")} />
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" size="sm" disabled={run.isPending || !text.trim()} onClick={() => run.mutate({ mode: "dryRun", force: false })}>
              {run.isPending ? t("reviewing") : t("review")}
            </Button>
            {onCancel ? (
              <Button size="sm" onClick={onCancel}>
                {t("cancel")}
              </Button>
            ) : null}
            <p className="self-center text-xs text-slate-500">{t("hint")}</p>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-300" role="status">
            {step.kind === "review" ? t("reviewIntro") : t("doneIntro")}
          </p>
          {docs.map((d) => (
            <DocumentResult key={d.index} doc={d} />
          ))}
          <div className="flex flex-wrap gap-2">
            {step.kind === "review" && !hasConflicts ? (
              <Button variant="primary" size="sm" disabled={run.isPending || hasErrors || nothingToDo} onClick={() => run.mutate({ mode: "apply", force: step.result.force })}>
                {step.result.force ? t("forceApply") : t("apply")}
              </Button>
            ) : null}
            {step.kind === "review" && hasConflicts ? (
              <Button variant="danger" size="sm" disabled={run.isPending || hasErrors} onClick={() => run.mutate({ mode: "apply", force: true })}>
                {t("forceApply")}
              </Button>
            ) : null}
            {step.kind === "review" && hasConflicts ? (
              <Button size="sm" disabled={run.isPending} onClick={() => run.mutate({ mode: "dryRun", force: true })}>
                {t("reviewForced")}
              </Button>
            ) : null}
            <Button size="sm" onClick={() => setStep({ kind: "edit" })}>
              {t("backToEditor")}
            </Button>
          </div>
        </>
      )}
      <FormError message={run.error ? errorMessage(run.error) : null} />
    </section>
  );
}
