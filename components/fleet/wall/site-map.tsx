"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { loadWorldOutline, withinBox, type WorldOutline } from "@/lib/client/fleet/world-outline";
import { HEALTH_LEVELS } from "@/lib/shared/fleet/cluster-health";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { fitGeoBox, projectPoint, ringsToPath, WORLD } from "@/lib/shared/fleet/map-projection";
import { buildMapSites, type MapSite } from "@/lib/shared/fleet/site-coordinates";
import { HEALTH_COLORS, WALL_BACKGROUND } from "@/lib/shared/fleet/wall-palette";
import { SiteList } from "./site-list";
import { useElementSize } from "./use-element-size";

/** Sites named on the map itself at most (worst first); every site is named on hover and in the list. */
const LABELLED = 30;

function markerRadius(total: number): number {
  return Math.min(34, 12 + 3 * Math.sqrt(total));
}

type Rect = { x: number; y: number; w: number; h: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Which sites get a name beside their marker: worst first, skipping names that would cover another name or marker. */
function placeLabels(points: Array<{ key: string; name: string; x: number; y: number; r: number }>, width: number): Set<string> {
  const markers = points.map((p) => ({ key: p.key, rect: { x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r } }));
  const placed: Rect[] = [];
  const named = new Set<string>();
  for (const p of points) {
    if (named.size >= LABELLED) break;
    // 20 px semibold: about 12 px per character (wider for CJK, so allow for it).
    const w = [...p.name].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 21 : 12), 0);
    const rect = { x: p.x + p.r + 4, y: p.y - 13, w, h: 26 };
    if (rect.x + rect.w > width) continue;
    if (placed.some((q) => overlap(q, rect)) || markers.some((m) => m.key !== p.key && overlap(m.rect, rect))) continue;
    placed.push(rect);
    named.add(p.key);
  }
  return named;
}

/** One site: a ring split by level in proportion to its clusters, its trouble count inside. */
function SiteMarker({ site, x, y, label, showLabel }: { site: MapSite; x: number; y: number; label: string; showLabel: boolean }) {
  const format = useFormatter();
  const r = markerRadius(site.total);
  // Each level's arc starts where the worse levels' arcs end.
  const shares = HEALTH_LEVELS.map((level) => ({ level, share: (site.counts[level] / site.total) * 100 }));
  const starts = shares.map((_, i) => shares.slice(0, i).reduce((sum, s) => sum + s.share, 0));
  return (
    <g data-testid="map-site" data-site={site.site ?? site.cluster ?? ""} data-trouble={site.trouble} tabIndex={0} aria-label={label} className="focus:outline-none [&:focus>circle.focus]:stroke-sky-400">
      <title>{label}</title>
      <circle className="focus" cx={x} cy={y} r={r + 6} fill="none" stroke="transparent" strokeWidth={4} />
      <circle cx={x} cy={y} r={r} fill={WALL_BACKGROUND} />
      {shares.map(({ level, share }, i) =>
        share === 0 ? null : (
          <circle
            key={level}
            cx={x}
            cy={y}
            r={r - 4}
            fill="none"
            stroke={HEALTH_COLORS[level].fill}
            strokeWidth={8}
            pathLength={100}
            strokeDasharray={`${share} ${100 - share}`}
            strokeDashoffset={-starts[i]!}
            transform={`rotate(-90 ${x} ${y})`}
          />
        ),
      )}
      {site.trouble > 0 ? (
        <text x={x} y={y} textAnchor="middle" dominantBaseline="central" fill="#ffffff" fontSize={r > 20 ? 18 : 14} fontWeight={700}>
          {format.number(site.trouble)}
        </text>
      ) : null}
      {showLabel ? (
        <text x={x + r + 6} y={y} dominantBaseline="central" fill="#f1f5f9" fontSize={20} fontWeight={600} stroke={WALL_BACKGROUND} strokeWidth={5} paintOrder="stroke">
          {site.site ?? site.cluster}
        </text>
      ) : null}
    </g>
  );
}

/**
 * Sites placed by their clusters' coordinates on a map drawn from data shipped with the
 * app, each with its health as a ring; fitted around the sites. Beside it, every site
 * worst first. Clusters without coordinates are counted, and the labels to set are named.
 */
export function SiteMap({ clusters }: { clusters: ReadonlyMap<string, TFleetCluster> }) {
  const t = useTranslations("wall.map");
  const [box, size] = useElementSize<HTMLDivElement>();
  const [outline, setOutline] = useState<WorldOutline | null>(null);
  const { sites, unplaced } = useMemo(() => buildMapSites(clusters.values()), [clusters]);
  // The view only moves when sites move, not on every delta.
  const placesKey = sites.map((s) => `${s.lat.toFixed(3)},${s.lon.toFixed(3)}`).sort().join(";");
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const geo = useMemo(
    () => (width && placesKey ? fitGeoBox(placesKey.split(";").map((p) => ({ lat: Number(p.split(",")[0]), lon: Number(p.split(",")[1]) })), width, height) : WORLD),
    [placesKey, width, height],
  );
  const paths = useMemo(
    () => (outline && width ? { land: ringsToPath(withinBox(outline.land, geo), geo, width, height), borders: ringsToPath(withinBox(outline.borders, geo), geo, width, height, false) } : null),
    [outline, geo, width, height],
  );
  useEffect(() => {
    let alive = true;
    void loadWorldOutline().then((o) => alive && setOutline(o));
    return () => {
      alive = false;
    };
  }, []);

  const points = sites.map((site) => ({ site, ...projectPoint(site.lon, site.lat, geo, width, height) }));
  const labelled = placeLabels(
    points.map((p) => ({ key: p.site.key, name: p.site.site ?? p.site.cluster ?? "", x: p.x, y: p.y, r: markerRadius(p.site.total) })),
    width,
  );
  const titleOf = (s: MapSite) => t("siteTitle", { name: s.site ?? s.cluster ?? "", total: s.total, trouble: s.trouble });
  return (
    <>
      <div ref={box} className="relative min-h-0 min-w-0 flex-1 overflow-hidden rounded-lg bg-[#0b1628]" data-testid="site-map" data-sites={sites.length} data-map-ready={paths ? "true" : "false"}>
        {size ? (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t("label", { count: sites.length })} className="absolute inset-0">
            {paths ? (
              <>
                <path d={paths.land} fill="#334155" />
                <path d={paths.borders} fill="none" stroke="#64748b" strokeWidth={1} />
              </>
            ) : null}
            {[...points].reverse().map(({ site, x, y }) => (
              // Worst drawn last, so it is on top where sites overlap.
              <SiteMarker key={site.key} site={site} x={x} y={y} label={titleOf(site)} showLabel={labelled.has(site.key)} />
            ))}
          </svg>
        ) : null}
        {sites.length === 0 ? (
          <div className="absolute inset-x-0 top-1/3 mx-auto max-w-3xl rounded-lg bg-slate-900/90 p-6 text-center" data-testid="site-map-empty">
            <p className="text-2xl font-bold text-white">{t("noneTitle")}</p>
            <p className="mt-2 text-xl text-slate-200">{t("noneBody")}</p>
          </div>
        ) : null}
        <p className="absolute bottom-1 right-2 text-sm text-slate-300">{t("attribution")}</p>
      </div>
      <SiteList sites={sites} unplaced={unplaced} />
    </>
  );
}
