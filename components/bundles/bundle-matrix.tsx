"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { BUNDLE_STATES, type TBundleClusterStatus } from "@/lib/shared/bundles/bundles.schema";
import { STATE_STYLE } from "./bundle-badges";

const GROUPS = ["region", "site", "wave", "state"] as const;
type TGroup = (typeof GROUPS)[number];

function groupOf(c: TBundleClusterStatus, by: TGroup): string {
  if (by === "wave") return String(c.wave + 1);
  if (by === "state") return c.state;
  return c[by] ?? c.labels[by] ?? "";
}

/**
 * The per-cluster status matrix: one small square per cluster (thousands stay readable),
 * grouped by region, site, wave or state (`?group=` in the URL, so a view can be shared);
 * each square links to the cluster and names it and its state for screen readers.
 */
export function BundleMatrix({ clusters }: { clusters: TBundleClusterStatus[] }) {
  const t = useTranslations("bundles");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const by = (GROUPS as readonly string[]).includes(search.get("group") ?? "") ? (search.get("group") as TGroup) : "region";
  const groups = new Map<string, TBundleClusterStatus[]>();
  for (const c of clusters) groups.set(groupOf(c, by), [...(groups.get(groupOf(c, by)) ?? []), c]);
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
  const setGroup = (group: string) => {
    const params = new URLSearchParams(search);
    params.set("group", group);
    router.replace(`${pathname}?${params}`);
  };
  return (
    <section className="space-y-3" aria-label={t("detail.matrix", { group: t(`detail.group.${by}`) })}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-300">
          {t("detail.groupBy")}
          <select value={by} onChange={(e) => setGroup(e.target.value)} className="rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`detail.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <ul className="flex flex-wrap gap-3 text-xs text-slate-400" aria-label={t("detail.legend")}>
          {BUNDLE_STATES.map((s) => (
            <li key={s} className="flex items-center gap-1">
              <span className={`inline-block h-3 w-3 rounded-sm ${STATE_STYLE[s].cell}`} aria-hidden />
              {t(`state.${s}`)}
            </li>
          ))}
        </ul>
      </div>
      {ordered.map(([group, members]) => (
        <div key={group} className="rounded-lg border border-slate-800 p-3">
          <h3 className="mb-2 text-xs font-medium text-slate-400">
            {group || t("detail.noGroup")} · {t("clusterCount", { count: members.length })}
          </h3>
          <ul className="flex flex-wrap gap-1">
            {members.map((c) => {
              const label = t("detail.cellLabel", { cluster: c.clusterName, state: t(`state.${c.state}`) });
              return (
                <li key={c.clusterId}>
                  <Link
                    href={`/clusters/${c.clusterId}`}
                    data-testid={`cell-${c.clusterName}`}
                    data-state={c.state}
                    aria-label={label}
                    title={c.message ? `${label} — ${c.message}` : label}
                    className={`block h-4 w-4 rounded-sm focus:outline focus:outline-2 focus:outline-sky-400 ${STATE_STYLE[c.state].cell}`}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
