"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { bundleKeys, createBundle } from "@/lib/client/bundles";
import { ApiClientError } from "@/lib/client/api-client";
import type { TCreateBundle } from "@/lib/shared/bundles/bundles.schema";
import { textToValues } from "@/lib/shared/bundles/values-text";
import { Button } from "@/components/ui/button";
import { ClusterGroupSelect } from "./cluster-group-select";
import { TextField, YamlField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const num = (form: FormData, key: string) => Number(form.get(key) ?? 0);

/** The create form: name, source (YAML or a Git repository), values, targets (selector, ids or a saved group) and the rollout. */
export function CreateBundleForm() {
  const t = useTranslations("bundles.form");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [targetKind, setTargetKind] = useState<"selector" | "ids" | "group">("selector");
  const [sourceKind, setSourceKind] = useState<"yaml" | "git">("yaml");
  const [valuesError, setValuesError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createBundle,
    onSuccess: async (bundle) => {
      await queryClient.invalidateQueries({ queryKey: bundleKeys.all() });
      router.push(`/bundles/${bundle.id}`);
    },
  });
  const fields = create.error instanceof ApiClientError ? create.error.fields : {};
  const fieldError = (prefix: string) => Object.entries(fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const firstWave = num(form, "firstWave");
    const values = textToValues(String(form.get("values") ?? ""));
    if ("error" in values) return setValuesError(values.error);
    setValuesError(null);
    const str = (key: string) => String(form.get(key) ?? "").trim();
    const token = str("gitToken");
    const body: TCreateBundle = {
      name: str("name"),
      source:
        sourceKind === "yaml"
          ? { yaml: String(form.get("yaml") ?? "") }
          : { git: { url: str("gitUrl"), ref: str("gitRef") || "main", path: str("gitPath"), pollSeconds: num(form, "gitPoll"), ...(token ? { auth: { token, ...(str("gitUser") ? { username: str("gitUser") } : {}) } } : {}) } },
      ...values,
      targets:
        targetKind === "selector"
          ? { clusterSelector: str("selector") }
          : targetKind === "group"
            ? { group: str("group") }
            : { clusterIds: str("ids").split(",").map((s) => s.trim()).filter(Boolean) },
      rollout: { ...(firstWave > 0 ? { firstWave: { count: firstWave } } : {}), batchPercent: num(form, "batchPercent"), soakSeconds: num(form, "soakSeconds"), maxFailed: num(form, "maxFailed") },
      prune: form.get("prune") === "on",
      selfHeal: form.get("selfHeal") === "on",
    };
    create.mutate(body);
  }

  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-5" aria-label={t("title")}>
      <TextField name="name" label={t("name")} hint={t("nameHint")} required autoComplete="off" error={fieldError("name")} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-300">{t("sourceKind")}</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="sourceKind" checked={sourceKind === "yaml"} onChange={() => setSourceKind("yaml")} />
            {t("fromYaml")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="sourceKind" checked={sourceKind === "git"} onChange={() => setSourceKind("git")} />
            {t("fromGit")}
          </label>
        </div>
        {sourceKind === "yaml" ? (
          <YamlField name="yaml" label={t("yaml")} hint={t("yamlHint", { nameVar: "${cluster.name}", labelVar: "${cluster.labels.<key>}" })} error={fieldError("source")} />
        ) : (
          <div className="grid grid-cols-2 gap-4">
            <TextField name="gitUrl" label={t("gitUrl")} hint={t("gitUrlHint")} required className="font-mono" error={fieldError("source.git.url") ?? fieldError("source")} />
            <TextField name="gitRef" label={t("gitRef")} hint={t("gitRefHint")} defaultValue="main" className="font-mono" error={fieldError("source.git.ref")} />
            <TextField name="gitPath" label={t("gitPath")} hint={t("gitPathHint")} className="font-mono" error={fieldError("source.git.path")} />
            <TextField name="gitPoll" type="number" min={10} defaultValue={300} label={t("gitPoll")} error={fieldError("source.git.pollSeconds")} />
            <TextField name="gitUser" label={t("gitUser")} autoComplete="off" error={fieldError("source.git.auth")} />
            <TextField name="gitToken" type="password" label={t("gitToken")} hint={t("gitTokenHint")} autoComplete="new-password" />
          </div>
        )}
      </fieldset>
      <YamlField name="values" rows={4} required={false} label={t("values")} hint={t("valuesHint", { valueVar: "${values.<key>}" })} error={valuesError ?? fieldError("values") ?? fieldError("overrides")} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-300">{t("targetKind")}</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="targetKind" checked={targetKind === "selector"} onChange={() => setTargetKind("selector")} />
            {t("bySelector")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="targetKind" checked={targetKind === "ids"} onChange={() => setTargetKind("ids")} />
            {t("byIds")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="targetKind" checked={targetKind === "group"} onChange={() => setTargetKind("group")} />
            {t("byGroup")}
          </label>
        </div>
        {targetKind === "selector" ? (
          <TextField name="selector" label={t("selector")} hint={t("selectorHint")} required className="font-mono" error={fieldError("targets")} />
        ) : targetKind === "group" ? (
          <ClusterGroupSelect error={fieldError("targets")} />
        ) : (
          <TextField name="ids" label={t("ids")} hint={t("idsHint")} required className="font-mono" error={fieldError("targets")} />
        )}
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-4">
        <legend className="mb-2 text-sm font-medium text-slate-300">{t("rollout")}</legend>
        <TextField name="firstWave" type="number" min={0} defaultValue={1} label={t("firstWave")} hint={t("firstWaveHint")} error={fieldError("rollout.firstWave")} />
        <TextField name="batchPercent" type="number" min={1} max={100} defaultValue={100} label={t("batchPercent")} error={fieldError("rollout.batchPercent")} />
        <TextField name="soakSeconds" type="number" min={0} defaultValue={30} label={t("soakSeconds")} error={fieldError("rollout.soakSeconds")} />
        <TextField name="maxFailed" type="number" min={1} defaultValue={1} label={t("maxFailed")} error={fieldError("rollout.maxFailed")} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-300">
        <input type="checkbox" name="prune" defaultChecked />
        {t("prune")}
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-300">
        <input type="checkbox" name="selfHeal" />
        {t("selfHeal")}
      </label>
      {create.isError && Object.keys(fields).length === 0 ? <ErrorState message={errorMessage(create.error)} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t("submit")}
        </Button>
        <Button onClick={() => router.push("/bundles")}>{t("cancel")}</Button>
      </div>
    </form>
  );
}
