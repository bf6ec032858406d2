"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { bundleKeys, fetchBundleRevisions } from "@/lib/client/bundles";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { YamlDiff } from "@/components/yaml-apply/yaml-diff";

/** The diff of any two revisions (default: the previous and the latest). */
export function RevisionDiff({ bundleId, latest }: { bundleId: string; latest: number }) {
  const t = useTranslations("bundles.diff");
  const tb = useTranslations("bundles");
  const errorMessage = useErrorMessage();
  const revisions = useQuery({ queryKey: [...bundleKeys.revisions(bundleId), latest], queryFn: ({ signal }) => fetchBundleRevisions(bundleId, signal) });
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  if (revisions.isPending) return <LoadingState />;
  if (revisions.isError) return <ErrorState message={errorMessage(revisions.error)} onRetry={() => void revisions.refetch()} />;
  const items = revisions.data.items;
  const toN = to ?? items[0]?.number ?? 1;
  const fromN = from ?? items[1]?.number ?? toN;
  const yamlOf = (n: number) => items.find((r) => r.number === n)?.yaml ?? "";
  const changed = yamlOf(fromN) !== yamlOf(toN);
  const picker = (label: string, value: number, set: (n: number) => void) => (
    <label className="flex items-center gap-2 text-sm text-slate-300">
      {label}
      <select value={value} onChange={(e) => set(Number(e.target.value))} className="rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm">
        {items.map((r) => (
          <option key={r.number} value={r.number}>
            {tb("revisionN", { number: r.number })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="space-y-3" aria-label={t("title")}>
      <h2 className="text-lg font-semibold text-white">{t("title")}</h2>
      <div className="flex gap-4">
        {picker(t("from"), fromN, setFrom)}
        {picker(t("to"), toN, setTo)}
      </div>
      {changed ? (
        <YamlDiff before={yamlOf(fromN)} after={yamlOf(toN)} label={t("title")} />
      ) : (
        <p className="text-sm text-slate-400">{t("same")}</p>
      )}
    </section>
  );
}
