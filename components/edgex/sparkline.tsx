"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatNumberForPeople } from "@/lib/shared/edgex/format-reading";

const W = 220;
const H = 48;

/**
 * A small time-series chart (hand-written SVG: no chart library for a sparkline). Points
 * are {t: ms, v}; the y range is the data's min–max, shown beside the line.
 */
export function Sparkline({ points, label, units }: { points: ReadonlyArray<{ t: number; v: number }>; label: string; units: string | null }) {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("edgex.chart");
  if (points.length === 0) return null;
  const ts = points.map((p) => p.t);
  const vs = points.map((p) => p.v);
  const [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  const [lo, hi] = [Math.min(...vs), Math.max(...vs)];
  const x = (t: number) => (t1 === t0 ? W / 2 : ((t - t0) / (t1 - t0)) * (W - 4) + 2);
  const y = (v: number) => (hi === lo ? H / 2 : H - 3 - ((v - lo) / (hi - lo)) * (H - 6));
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const last = points.at(-1)!;
  const num = (v: number) => formatNumberForPeople(v, locale);
  return (
    <figure className="space-y-1" data-testid="edgex-sparkline" data-points={points.length}>
      <figcaption className="flex items-baseline justify-between gap-3 text-xs text-slate-400">
        <span className="font-mono text-slate-300">{label}</span>
        <span className="font-mono text-slate-100" data-testid="edgex-sparkline-last">
          {num(last.v)} {units ?? ""}
        </span>
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="rounded bg-slate-900">
        <path d={d} fill="none" strokeWidth={1.5} className="stroke-sky-400" />
        <circle cx={x(last.t)} cy={y(last.v)} r={2} className="fill-sky-300" />
      </svg>
      <div className="font-mono text-[10px] whitespace-nowrap text-slate-500" style={{ width: W }}>
        <div className="flex justify-between">
          <span>{format.dateTime(new Date(t0), { timeStyle: "medium" })}</span>
          <span>{format.dateTime(new Date(t1), { timeStyle: "medium" })}</span>
        </div>
        <div className="truncate text-center">{t("range", { min: num(lo), max: num(hi) })}</div>
      </div>
    </figure>
  );
}
