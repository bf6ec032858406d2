"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** Read-only YAML of an object, with copy. */
export function YamlView({ yaml }: { yaml: string }) {
  const t = useTranslations("explorer");
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <CopyButton text={yaml} label={t("detail.copyYaml")} />
      </div>
      <pre aria-label={t("detail.yaml")} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-800 bg-slate-950 p-4 font-mono text-xs text-slate-200" tabIndex={0}>
        {yaml}
      </pre>
    </div>
  );
}
