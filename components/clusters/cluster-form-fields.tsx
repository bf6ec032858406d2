"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { TextField } from "@/components/ui/field";

export interface ClusterFormValues {
  displayName?: string;
  description?: string;
  region?: string | null;
  site?: string | null;
  labelsText?: string;
}

/** Fields shared by the import and edit dialogs; `fields` maps API field errors. */
export function ClusterFormFields({ values = {}, fields }: { values?: ClusterFormValues; fields: Record<string, string> }) {
  const t = useTranslations("clusters.form");
  const labelsId = useId();
  const labelError = Object.keys(fields).find((k) => k === "labels" || k.startsWith("labels."));
  return (
    <>
      <TextField label={t("displayName")} name="displayName" defaultValue={values.displayName} maxLength={100} error={fields.displayName ? t("tooLong") : undefined} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t("region")} name="region" defaultValue={values.region ?? ""} maxLength={64} placeholder={t("regionPlaceholder")} />
        <TextField label={t("site")} name="site" defaultValue={values.site ?? ""} maxLength={64} placeholder={t("sitePlaceholder")} />
      </div>
      <div className="space-y-1">
        <label htmlFor={labelsId} className="block text-sm font-medium text-slate-300">
          {t("labels")}
        </label>
        <textarea
          id={labelsId}
          name="labels"
          rows={3}
          defaultValue={values.labelsText}
          placeholder={t("labelsPlaceholder")}
          aria-invalid={labelError ? true : undefined}
          className={`w-full rounded-md border bg-slate-900 px-3 py-2 font-mono text-sm text-slate-100 ${labelError ? "border-rose-500" : "border-slate-700"}`}
        />
        <p className={`text-xs ${labelError ? "text-rose-400" : "text-slate-500"}`} role={labelError ? "alert" : undefined}>
          {labelError ? t("labelsInvalid") : t("labelsHint")}
        </p>
      </div>
      <TextField label={t("description")} name="description" defaultValue={values.description} maxLength={1000} />
    </>
  );
}

/** Reads the shared fields from a submitted form (labels still as text). */
export function readClusterForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return { displayName: text("displayName"), description: text("description"), region: text("region"), site: text("site"), labelsText: String(form.get("labels") ?? "") };
}
