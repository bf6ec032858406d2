"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatNumberForPeople } from "@/lib/shared/format-number";

const H = 48;
const TONES = { sky: ["stroke-sky-400", "fill-sky-300"], emerald: ["stroke-emerald-400", "fill-emerald-300"], rose: ["stroke-rose-400", "fill-rose-300"] } as const;

export type TSparkPoint = { t: number; v: number };

/**
 * A small time-series chart (hand-written SVG: no chart library for a sparkline): the label
 * and the last value above the line, the time span and the value range below. Points are
 * {t: ms, v}. The x axis spans the data unless `span` fixes it (a 24 h window); the y axis
 * spans the data's min–max, or 0–max with `fromZero` (counts, where 0 is the baseline).
 */
export function Sparkline({
  points,
  label,
  units,
  span,
  fromZero = false,
  tone = "sky",
  width = 220,
  timeStyle = "medium",
}: {
  points: ReadonlyArray<TSparkPoint>;
  label: string;
  units: string | null;
  span?: readonly [number, number];
  fromZero?: boolean;
  tone?: keyof typeof TONES;
  width?: number;
  timeStyle?: "short" | "medium";
}) {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("common.chart");
  if (points.length === 0) return null;
  const ts = points.map((p) => p.t);
  const vs = points.map((p) => p.v);
  const [t0, t1] = span ?? [Math.min(...ts), Math.max(...ts)];
  const [lo, hi] = [fromZero ? Math.min(0, ...vs) : Math.min(...vs), Math.max(...vs)];
  const x = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * (width - 4) + 2);
  // A flat series sits mid-height, except a flat zero from zero, which is the baseline.
  const top = fromZero && hi === lo ? lo + 1 : hi;
  const y = (v: number) => (top === lo ? H / 2 : H - 3 - ((v - lo) / (top - lo)) * (H - 6));
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const last = points.at(-1)!;
  const num = (v: number) => formatNumberForPeople(v, locale);
  const [stroke, fill] = TONES[tone];
  return (
    <figure className="space-y-1" data-testid="sparkline" data-points={points.length}>
      <figcaption className="flex items-baseline justify-between gap-3 text-xs text-slate-400" style={{ width }}>
        <span className="font-mono text-slate-300">{label}</span>
        <span className="font-mono text-slate-100" data-testid="sparkline-last">
          {num(last.v)} {units ?? ""}
        </span>
      </figcaption>
      <svg width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-label={label} className="rounded bg-slate-900">
        <path d={d} fill="none" strokeWidth={1.5} className={stroke} />
        <circle cx={x(last.t)} cy={y(last.v)} r={2} className={fill} />
      </svg>
      <div className="font-mono text-[10px] whitespace-nowrap text-slate-500" style={{ width }}>
        <div className="flex justify-between">
          <span>{format.dateTime(new Date(t0), { timeStyle })}</span>
          <span>{format.dateTime(new Date(t1), { timeStyle })}</span>
        </div>
        <div className="truncate text-center">{t("range", { min: num(lo), max: num(hi) })}</div>
      </div>
    </figure>
  );
}
