"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { drawWall } from "@/lib/client/fleet/draw-wall";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import { moveCell, type WallCell } from "@/lib/shared/fleet/wall-cursor";
import { cellPosition, hitTestWall, layoutWall } from "@/lib/shared/fleet/wall-layout";
import type { WallModel } from "@/lib/shared/fleet/wall-model";
import { WallGroupHeader, WallSiteLabel } from "./wall-group-header";
import { WallTooltip } from "./wall-tooltip";
import { useElementSize } from "./use-element-size";

/**
 * The whole fleet as a grid of cells on one canvas (10,000 DOM nodes would cost far more
 * to lay out and restyle on every delta — docs/PERFORMANCE.md), with group headers and
 * site labels as a few DOM nodes over it. Hover or keyboard focus shows a cluster's full
 * name and numbers; Enter opens it; a group header zooms into that group.
 */
export function WallGrid({ model, zoomHref }: { model: WallModel; zoomHref: (key: string | null) => string }) {
  const t = useTranslations("wall");
  const tState = useTranslations("clusters.state");
  const format = useFormatter();
  const router = useRouter();
  const [box, size] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [active, setActive] = useState<WallCell | null>(null);
  const sizes = useMemo(() => model.groups.map((g) => ({ sites: g.sites.map((s) => ({ count: s.clusters.length })) })), [model]);
  const layout = useMemo(() => (size ? layoutWall({ width: size.width, height: size.height, groups: sizes, bySite: model.bySite }) : null), [size, sizes, model.bySite]);
  const numbersOf = useCallback(
    (c: TFleetCluster) => {
      const s = c.snapshot;
      const nodes = s ? t("tileNodes", { ready: format.number(s.nodesReady), total: format.number(s.nodesTotal) }) : t("tileNoData");
      return c.state === "active" ? (s && s.podsFailing > 0 ? `${nodes} · ${t("tileFailing", { count: s.podsFailing })}` : nodes) : `${tState(c.state)} · ${nodes}`;
    },
    [t, tState, format],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout || !size) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    drawWall(canvas, layout, model, dpr, numbersOf);
    canvas.dataset.cells = String(layout.cells);
    canvas.dataset.paintedWidth = String(size.width);
  }, [layout, model, size, numbersOf]);

  const clusterAt = (cell: WallCell | null) => (cell ? model.groups[cell.group]?.sites[cell.site]?.clusters[cell.index] : undefined);
  const activeCluster = clusterAt(active);
  // A delta can shrink a site under the cursor: forget a cell that no longer exists.
  const shown = activeCluster && layout ? cellPosition(layout, active!.group, active!.site, active!.index) : null;

  const onMouseMove = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!layout) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = hitTestWall(layout, e.clientX - rect.left, e.clientY - rect.top);
    setActive((prev) => (hit && prev && prev.group === hit.group && prev.site === hit.site && prev.index === hit.index ? prev : hit && { group: hit.group, site: hit.site, index: hit.index }));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (e.key === "Enter" && activeCluster) {
      router.push(`/clusters/${activeCluster.id}`);
      return;
    }
    const perRow = layout?.runs.find((r) => active && r.group === active.group && r.site === active.site)?.cols ?? layout?.runs[0]?.cols ?? 1;
    const next = moveCell(sizes, active, e.key, perRow);
    if (!next) return;
    e.preventDefault();
    setActive(next);
  };

  return (
    <div ref={box} className="relative min-h-0 min-w-0 flex-1" data-testid="wall-grid">
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-roledescription={t("gridRole")}
        aria-label={t("gridLabel", { count: model.total })}
        aria-describedby="wall-grid-help"
        data-testid="wall-canvas"
        data-cell-mode={layout?.cell.mode}
        data-cell-width={layout?.cell.w}
        data-overflow={layout?.overflow ? "true" : "false"}
        className="absolute left-0 top-0 rounded focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
        style={size ? { width: size.width, height: size.height } : undefined}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setActive(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        onClick={() => activeCluster && router.push(`/clusters/${activeCluster.id}`)}
      />
      <p id="wall-grid-help" className="sr-only">
        {t("gridHelp")}
      </p>
      {layout?.headers.map((h) => {
        const g = model.groups[h.group]!;
        return <WallGroupHeader key={`h${h.group}`} group={g} box={h} href={zoomHref(g.key)} />;
      })}
      {layout?.labels.map((l) => {
        const site = model.groups[l.group]!.sites[l.site]!;
        return <WallSiteLabel key={`s${l.group}-${l.site}-${l.y}-${l.x}`} site={site} box={l} />;
      })}
      {layout?.overflow ? (
        <p className="absolute bottom-2 left-2 rounded bg-amber-300 px-3 py-1 text-lg font-semibold text-slate-950" data-testid="wall-overflow">
          {t("overflow")}
        </p>
      ) : null}
      {activeCluster && shown && layout ? (
        <>
          <div
            aria-hidden
            className="pointer-events-none absolute rounded-sm ring-2 ring-white ring-offset-2 ring-offset-slate-950"
            style={{ left: shown.x, top: shown.y, width: layout.cell.w, height: layout.cell.h }}
          />
          <WallTooltip cluster={activeCluster} at={shown} cell={layout.cell} area={size!} />
        </>
      ) : null}
      <p className="sr-only" aria-live="polite" data-testid="wall-active">
        {activeCluster ? `${activeCluster.displayName} (${activeCluster.name})` : ""}
      </p>
    </div>
  );
}
