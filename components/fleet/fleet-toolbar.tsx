"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CLUSTER_STATES } from "@/lib/shared/clusters/clusters.schema";
import { FLEET_SORTS } from "@/lib/shared/fleet/fleet-query.schema";
import { isLabelSelector, type TFleetView } from "./fleet-view";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-none";

/** Search, filters, grouping and sort of the fleet table. Text inputs apply after a short pause. */
export function FleetToolbar({ view, labelKeys, onChange }: { view: TFleetView; labelKeys: string[]; onChange: (next: Partial<TFleetView>) => void }) {
  const t = useTranslations("fleet");
  const tState = useTranslations("clusters.state");
  const [q, setQ] = useState(view.q ?? "");
  const [label, setLabel] = useState(view.label ?? "");
  useEffect(() => {
    if (q === (view.q ?? "")) return;
    const timer = setTimeout(() => onChange({ q: q || undefined }), 300);
    return () => clearTimeout(timer);
  }, [q, view.q, onChange]);
  useEffect(() => {
    if (label === (view.label ?? "") || !isLabelSelector(label)) return;
    const timer = setTimeout(() => onChange({ label: label || undefined }), 300);
    return () => clearTimeout(timer);
  }, [label, view.label, onChange]);
  const groups = ["region", "site", "state", ...labelKeys.map((k) => `label:${k}`)];
  if (view.group && !groups.includes(view.group)) groups.push(view.group);
  return (
    <div className="flex flex-wrap items-end gap-3" role="search">
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        {t("search")}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPlaceholder")} className={`${CONTROL} w-56`} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        {t("labelFilter")}
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder={t("labelPlaceholder")}
          aria-invalid={!isLabelSelector(label) || undefined}
          className={`${CONTROL} w-44 ${isLabelSelector(label) ? "" : "border-rose-500"}`}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        {t("state")}
        <select value={view.state ?? ""} onChange={(e) => onChange({ state: (e.target.value || undefined) as TFleetView["state"] })} className={CONTROL}>
          <option value="">{t("allStates")}</option>
          {CLUSTER_STATES.map((s) => (
            <option key={s} value={s}>
              {tState(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        {t("groupBy")}
        <select value={view.group ?? ""} onChange={(e) => onChange({ group: (e.target.value || undefined) as TFleetView["group"] })} className={CONTROL}>
          <option value="">{t("noGrouping")}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g.startsWith("label:") ? t("groupLabel", { key: g.slice(6) }) : t(`group.${g as "region" | "site" | "state"}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        {t("sortBy")}
        <select value={view.sort} onChange={(e) => onChange({ sort: e.target.value as TFleetView["sort"] })} className={CONTROL}>
          {FLEET_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onChange({ dir: view.dir === "asc" ? "desc" : "asc" })} className={CONTROL} aria-label={t("toggleDirection")}>
        {view.dir === "asc" ? t("ascending") : t("descending")}
      </button>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-300">
        <input type="checkbox" checked={view.problems === "1"} onChange={(e) => onChange({ problems: e.target.checked ? "1" : undefined })} />
        {t("onlyProblems")}
      </label>
    </div>
  );
}
