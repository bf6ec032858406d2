"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { bundleKeys, createBundle } from "@/lib/client/bundles";
import { ApiClientError } from "@/lib/client/api-client";
import type { TCreateBundle } from "@/lib/shared/bundles/bundles.schema";
import { Button } from "@/components/ui/button";
import { TextField, YamlField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const num = (form: FormData, key: string) => Number(form.get(key) ?? 0);

/** The create-from-YAML form: name, YAML, targets (selector or ids) and the rollout. */
export function CreateBundleForm() {
  const t = useTranslations("bundles.form");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [targetKind, setTargetKind] = useState<"selector" | "ids">("selector");
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
    const body: TCreateBundle = {
      name: String(form.get("name") ?? "").trim(),
      source: { yaml: String(form.get("yaml") ?? "") },
      targets:
        targetKind === "selector"
          ? { clusterSelector: String(form.get("selector") ?? "").trim() }
          : { clusterIds: String(form.get("ids") ?? "").split(",").map((s) => s.trim()).filter(Boolean) },
      rollout: { ...(firstWave > 0 ? { firstWave: { count: firstWave } } : {}), batchPercent: num(form, "batchPercent"), soakSeconds: num(form, "soakSeconds"), maxFailed: num(form, "maxFailed") },
      prune: form.get("prune") === "on",
      selfHeal: form.get("selfHeal") === "on",
    };
    create.mutate(body);
  }

  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-5" aria-label={t("title")}>
      <TextField name="name" label={t("name")} hint={t("nameHint")} required autoComplete="off" error={fieldError("name")} />
      <YamlField name="yaml" label={t("yaml")} hint={t("yamlHint", { nameVar: "${cluster.name}", labelVar: "${cluster.labels.<key>}" })} error={fieldError("source")} />
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
        </div>
        {targetKind === "selector" ? (
          <TextField name="selector" label={t("selector")} hint={t("selectorHint")} required className="font-mono" error={fieldError("targets")} />
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
