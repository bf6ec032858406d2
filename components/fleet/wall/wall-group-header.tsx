"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { HeaderBox, SiteLabelBox } from "@/lib/shared/fleet/wall-layout";
import { GROUP_HEADER_HEIGHT, SITE_LABEL_HEIGHT } from "@/lib/shared/fleet/wall-layout";
import { troubleCount, type WallGroup, type WallSite } from "@/lib/shared/fleet/wall-model";

/**
 * A group's header over the wall: name, clusters, and how many are in trouble. A link that
 * zooms the wall into the group (and back out when already zoomed). A name too long for
 * its column is cut with "…" and shown whole on hover (title) and to screen readers.
 */
export function WallGroupHeader({ group, box, href }: { group: WallGroup; box: HeaderBox; href: string }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const name = group.key ?? t("noGroup");
  const trouble = troubleCount(group.counts);
  const label = t("groupSummary", { name, total: group.total, trouble });
  return (
    <Link
      href={href}
      data-testid="wall-group"
      data-group={group.key ?? ""}
      data-total={group.total}
      aria-label={label}
      title={label}
      className="absolute flex items-center gap-2 rounded px-1 text-white hover:bg-slate-800 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
      style={{ left: box.x, top: box.y, width: box.width, height: GROUP_HEADER_HEIGHT - 6 }}
    >
      <span className="min-w-0 flex-1 truncate text-xl font-bold">{name}</span>
      <span className="shrink-0 text-lg font-semibold tabular-nums text-slate-200">{format.number(group.total)}</span>
      {trouble > 0 ? <span className="shrink-0 rounded bg-rose-600 px-1.5 text-lg font-bold tabular-nums text-white">{format.number(trouble)}</span> : null}
    </Link>
  );
}

/** A site's label above its cells: name, clusters, and trouble (the count repeats where a site continues in the next column). */
export function WallSiteLabel({ site, box }: { site: WallSite; box: SiteLabelBox }) {
  const t = useTranslations("wall");
  const format = useFormatter();
  const name = site.key ?? t("noSite");
  const trouble = troubleCount(site.counts);
  const label = t("siteSummary", { name, total: site.clusters.length, trouble });
  return (
    <div
      data-testid="wall-site"
      data-site={site.key ?? ""}
      title={label}
      className="absolute flex items-baseline gap-2 px-1 text-[17px] leading-none text-slate-300"
      style={{ left: box.x, top: box.y + 3, width: box.width, height: SITE_LABEL_HEIGHT - 4 }}
    >
      <span className="min-w-0 flex-1 truncate font-medium">
        {box.continued ? t("continued", { name }) : name}
      </span>
      <span className="shrink-0 tabular-nums">{format.number(site.clusters.length)}</span>
      {trouble > 0 ? <span className="shrink-0 font-bold tabular-nums text-rose-300">{format.number(trouble)}</span> : null}
    </div>
  );
}
