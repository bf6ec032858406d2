import { clusterHealth } from "@/lib/shared/fleet/cluster-health";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";
import type { WallLayout } from "@/lib/shared/fleet/wall-layout";
import type { WallModel } from "@/lib/shared/fleet/wall-model";
import { HEALTH_COLORS } from "@/lib/shared/fleet/wall-palette";

const FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';

/** The longest prefix of `text` (with "…") that fits `max` pixels; the full name is on hover/focus. */
function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/**
 * Paints every cell of the wall onto the canvas: one filled square per cluster in its
 * level's colour (Unavailable ones also crossed out, so they differ from healthy ones
 * without colour vision), with the name — and on tiles a line of numbers from
 * `numbersOf` — when the cells are large enough. Cheap enough to repaint the whole wall
 * on every delta (10,000 cells in a few milliseconds), so there is no per-cell state.
 */
export function drawWall(canvas: HTMLCanvasElement, layout: WallLayout, model: WallModel, dpr: number, numbersOf: (c: TFleetCluster) => string): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, canvas.width / dpr, canvas.height / dpr);
  const { w, h, mode } = layout.cell;
  const pitchX = w + layout.cell.gap;
  const pitchY = h + layout.cell.gap;
  const radius = mode === "dot" ? (w >= 14 ? 2 : 0) : 6;
  const nameSize = mode === "tile" ? Math.min(30, Math.max(20, Math.round(h * 0.26))) : 17;
  const numberSize = Math.max(17, Math.round(nameSize * 0.75));
  const pad = mode === "tile" ? 12 : 8;
  ctx.textBaseline = "middle";
  for (const run of layout.runs) {
    const site = model.groups[run.group]?.sites[run.site];
    if (!site) continue;
    for (let i = 0; i < run.count; i++) {
      const c = site.clusters[run.first + i];
      if (!c) continue;
      const x = run.x + (i % run.cols) * pitchX;
      const y = run.y + Math.floor(i / run.cols) * pitchY;
      const level = clusterHealth(c);
      const colors = HEALTH_COLORS[level];
      ctx.fillStyle = colors.fill;
      if (radius) {
        ctx.beginPath();
        ctx.roundRect(x, y, w, h, radius);
        ctx.fill();
      } else ctx.fillRect(x, y, w, h);
      if (level === "down" && mode === "dot" && w >= 6) {
        ctx.strokeStyle = colors.text;
        ctx.lineWidth = w >= 14 ? 2 : 1;
        ctx.beginPath();
        const m = Math.max(1, Math.round(w * 0.2));
        ctx.moveTo(x + m, y + m);
        ctx.lineTo(x + w - m, y + h - m);
        ctx.moveTo(x + w - m, y + m);
        ctx.lineTo(x + m, y + h - m);
        ctx.stroke();
      }
      if (mode === "dot") continue;
      ctx.fillStyle = colors.text;
      ctx.font = `700 ${nameSize}px ${FONT}`;
      const nameY = mode === "tile" ? y + pad + nameSize / 2 + 2 : y + h / 2;
      ctx.fillText(fitText(ctx, c.displayName, w - 2 * pad), x + pad, nameY);
      if (mode === "tile") {
        ctx.font = `500 ${numberSize}px ${FONT}`;
        ctx.fillText(fitText(ctx, numbersOf(c), w - 2 * pad), x + pad, y + h - pad - numberSize / 2);
      }
    }
  }
}
