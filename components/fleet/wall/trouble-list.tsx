"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRef } from "react";
import { clusterHealth, troubleReasons } from "@/lib/shared/fleet/cluster-health";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { HEALTH_COLORS } from "@/lib/shared/fleet/wall-palette";
import { useFittingCount } from "./use-fitting-count";
import { useReasonText } from "./use-reason-text";

/** Rendered at most; the list shows as many as fit and counts the rest. */
const MAX_ITEMS = 40;

/**
 * Clusters in trouble by name, worst first, beside the grid: as many as fit the column
 * (measured after each render, so a longer name in zh-Hans just shows one fewer), then
 * "and N more". Names wrap instead of being cut.
 */
export function TroubleList({ trouble }: { trouble: TFleetCluster[] }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const reasonText = useReasonText();
  const listRef = useRef<HTMLOListElement>(null);
  const fits = useFittingCount(listRef, MAX_ITEMS, trouble);
  const items = trouble.slice(0, MAX_ITEMS);

  const hidden = trouble.length - Math.min(fits, items.length);
  return (
    <section aria-labelledby="wall-trouble-title" className="flex min-h-0 w-[380px] shrink-0 flex-col rounded-lg border border-slate-800 bg-slate-900/70 p-3" data-testid="wall-trouble">
      <h2 id="wall-trouble-title" className="flex items-baseline justify-between text-2xl font-bold text-white">
        {t("troubleTitle")}
        <span className="tabular-nums text-rose-300" data-testid="wall-trouble-count">
          {format.number(trouble.length)}
        </span>
      </h2>
      {trouble.length === 0 ? <p className="mt-3 text-xl text-emerald-300">{t("troubleNone")}</p> : null}
      <ol ref={listRef} className="mt-2 min-h-0 flex-1 space-y-2 overflow-hidden">
        {items.map((c, i) => {
          const level = clusterHealth(c);
          return (
            <li key={c.id} data-testid="wall-trouble-item" data-level={level} data-cluster={c.name} className={i >= fits ? "invisible" : undefined}>
              <Link
                href={`/clusters/${c.id}`}
                className="flex gap-3 rounded-md p-1.5 hover:bg-slate-800 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
                tabIndex={i >= fits ? -1 : undefined}
              >
                <span className="mt-1 h-5 w-5 shrink-0 rounded-sm" style={{ background: HEALTH_COLORS[level].fill }} aria-hidden />
                <span className="min-w-0">
                  <span className="block break-words text-xl font-semibold leading-snug text-white">{c.displayName}</span>
                  <span className="block text-lg leading-snug text-slate-300">
                    {troubleReasons(c)
                      .map((r) => reasonText(r, c))
                      .join(" · ") || t(`level.${level}`)}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      {hidden > 0 ? (
        <p className="mt-2 text-xl font-semibold text-slate-200" data-testid="wall-trouble-more">
          {t("troubleMore", { count: hidden })}
        </p>
      ) : null}
    </section>
  );
}
