import type { THealthLevel } from "./cluster-health";

/**
 * Colours of the NOC wall, chosen to be told apart across a room: healthy clusters in a
 * calm green so trouble stands out, trouble in saturated red/orange/yellow, never-connected
 * in grey. `text` is the colour of writing on a cell of that level. wall-palette.test.ts
 * checks the contrasts (WCAG 2.x): text on a cell ≥ 4.5:1, a cell against the wall's
 * background ≥ 3:1 (non-text contrast), and the writing colours against the background.
 */
export const WALL_BACKGROUND = "#020617"; // tailwind slate-950
export const WALL_TEXT = "#f1f5f9"; // slate-100
export const WALL_MUTED_TEXT = "#cbd5e1"; // slate-300

export const HEALTH_COLORS: Record<THealthLevel, { fill: string; text: string }> = {
  down: { fill: "#e11d48", text: "#ffffff" }, // rose-600
  degraded: { fill: "#fb923c", text: "#0f172a" }, // orange-400
  warning: { fill: "#facc15", text: "#0f172a" }, // yellow-400
  pending: { fill: "#94a3b8", text: "#0f172a" }, // slate-400
  ok: { fill: "#15803d", text: "#ffffff" }, // green-700
};

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
