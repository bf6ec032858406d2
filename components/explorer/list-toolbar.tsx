"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys, listUrl } from "@/lib/client/explorer/explorer-keys";
import { labelSelectorError } from "@/lib/shared/explorer/label-selector";
import type { TKubeList } from "@/lib/shared/explorer/explorer.schema";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none";

/** Namespace filter, label selector (applied on Enter, validated as you type) and text filter of a list. */
export function ListToolbar({
  clusterId,
  namespaced,
  namespace,
  labelSelector,
  filter,
  count,
  total,
  onChange,
}: {
  clusterId: string;
  namespaced: boolean;
  namespace: string;
  labelSelector: string;
  filter: string;
  count: number;
  total: number;
  onChange: (patch: Record<string, string>) => void;
}) {
  const t = useTranslations("explorer");
  const [selector, setSelector] = useState(labelSelector);
  const [text, setText] = useState(filter);
  // Follow the URL when it changes from elsewhere (back button, shared link).
  const [seen, setSeen] = useState({ labelSelector, filter });
  if (seen.labelSelector !== labelSelector || seen.filter !== filter) {
    setSeen({ labelSelector, filter });
    setSelector(labelSelector);
    setText(filter);
  }
  // Debounced: typing in a 5,000-row list must stay fluid.
  useEffect(() => {
    if (text === filter) return;
    const timer = setTimeout(() => onChange({ q: text }), 200);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);
  const namespaces = useQuery({
    queryKey: explorerKeys.list(clusterId, "namespaces", "", { labelSelector: "" }),
    queryFn: ({ signal }) => apiFetch<TKubeList>(listUrl(clusterId, "namespaces", "", ""), { signal }),
    enabled: namespaced,
    staleTime: 60_000,
  });
  const selectorError = labelSelectorError(selector);
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      {namespaced ? (
        <label className="space-y-1 text-xs text-slate-400">
          <span className="block">{t("toolbar.namespace")}</span>
          <select className={CONTROL} value={namespace} onChange={(e) => onChange({ ns: e.target.value })}>
            <option value="">{t("toolbar.allNamespaces")}</option>
            {(namespaces.data?.items ?? []).map((n) => (
              <option key={String(n.name)} value={String(n.name)}>
                {String(n.name)}
              </option>
            ))}
            {namespace && !namespaces.data?.items.some((n) => n.name === namespace) ? <option value={namespace}>{namespace}</option> : null}
          </select>
        </label>
      ) : null}
      <form
        className="space-y-1 text-xs text-slate-400"
        onSubmit={(e) => {
          e.preventDefault();
          if (!selectorError) onChange({ l: selector.trim() });
        }}
      >
        <label className="block" htmlFor="label-selector">
          {t("toolbar.labelSelector")}
        </label>
        <input
          id="label-selector"
          className={`${CONTROL} w-64 font-mono ${selectorError ? "border-rose-500" : ""}`}
          value={selector}
          placeholder={t("toolbar.labelSelectorPlaceholder")}
          aria-invalid={selectorError ? true : undefined}
          title={selectorError ? t("toolbar.invalidSelector") : undefined}
          onChange={(e) => setSelector(e.target.value)}
          onBlur={() => !selectorError && selector.trim() !== labelSelector && onChange({ l: selector.trim() })}
        />
      </form>
      <label className="space-y-1 text-xs text-slate-400">
        <span className="block">{t("toolbar.filter")}</span>
        <input type="search" className={`${CONTROL} w-56`} value={text} placeholder={t("toolbar.filterPlaceholder")} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="ml-auto pb-1.5 text-xs text-slate-500" aria-live="polite">
        {count === total ? t("toolbar.count", { count }) : t("toolbar.filtered", { count, total })}
      </p>
    </div>
  );
}
