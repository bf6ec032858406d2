"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef } from "react";
import { HEALTH_LEVELS } from "@/lib/shared/fleet/cluster-health";
import type { MapSite } from "@/lib/shared/fleet/site-coordinates";
import { HEALTH_COLORS } from "@/lib/shared/fleet/wall-palette";
import { useFittingCount } from "./use-fitting-count";

const MAX_ITEMS = 40;

/** Sites worst first beside the map, with a bar of their clusters by level; as many as fit, then "and N more". */
export function SiteList({ sites, unplaced }: { sites: MapSite[]; unplaced: number }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const listRef = useRef<HTMLOListElement>(null);
  const fits = useFittingCount(listRef, MAX_ITEMS, sites);
  const items = sites.slice(0, MAX_ITEMS);
  const hidden = sites.length - Math.min(fits, items.length);
  return (
    <section aria-labelledby="wall-sites-title" className="flex min-h-0 w-[380px] shrink-0 flex-col rounded-lg border border-slate-800 bg-slate-900/70 p-3" data-testid="map-site-list">
      <h2 id="wall-sites-title" className="flex items-baseline justify-between text-2xl font-bold text-white">
        {t("map.sitesTitle")}
        <span className="tabular-nums text-slate-200">{format.number(sites.length)}</span>
      </h2>
      <ol ref={listRef} className="mt-2 min-h-0 flex-1 space-y-3 overflow-hidden">
        {items.map((s, i) => (
          <li key={s.key} className={i >= fits ? "invisible" : undefined} data-testid="map-site-item">
            <p className="break-words text-xl font-semibold leading-snug text-white">
              {s.site ?? s.cluster}
              {s.region ? <span className="ml-2 text-lg font-normal text-slate-300">{s.region}</span> : null}
            </p>
            <p className="text-lg text-slate-200">{t("map.siteCounts", { trouble: format.number(s.trouble), total: format.number(s.total) })}</p>
            <div className="mt-1 flex h-3 overflow-hidden rounded-sm" aria-hidden>
              {HEALTH_LEVELS.map((level) => (s.counts[level] ? <span key={level} style={{ flexGrow: s.counts[level], background: HEALTH_COLORS[level].fill }} /> : null))}
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 ? <p className="mt-2 text-xl font-semibold text-slate-200">{t("troubleMore", { count: hidden })}</p> : null}
      {unplaced > 0 ? (
        <p className="mt-2 text-lg text-amber-200" data-testid="map-unplaced">
          {t("map.unplaced", { count: unplaced })}
        </p>
      ) : null}
    </section>
  );
}
