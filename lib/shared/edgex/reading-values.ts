import type { TEdgexEvent, TEdgexReading } from "./edgex-envelopes.schema";

/** A reading as the console's API returns it. */
export interface TEdgexReadingView {
  id: string | null;
  /** ISO time the device produced it (from `origin`). */
  at: string;
  deviceName: string;
  resourceName: string;
  valueType: string;
  units: string | null;
  /** EdgeX's text (floats in Go's %e form, e.g. "2.15e+01"); null for binary readings. */
  value: string | null;
  /** The value as a number for numeric types (for charts), else null. */
  numeric: number | null;
}

/** An event (one device, one source, its readings). */
export interface TEdgexEventView {
  id: string | null;
  at: string;
  deviceName: string;
  sourceName: string | null;
  readings: TEdgexReadingView[];
}

/** One numeric resource's values over time, oldest first (for a sparkline). */
export interface TEdgexSeries {
  deviceName: string;
  resourceName: string;
  units: string | null;
  valueType: string;
  points: Array<{ t: number; v: number }>;
}

const NUMERIC = /^(Int|Uint)(8|16|32|64)$|^Float(32|64)$/;

/**
 * Milliseconds since the epoch of an EdgeX `origin`. The spec says "can support
 * nanoseconds"; services send ns, but older device services and pushed events use ms or
 * s, so the unit is inferred from the magnitude.
 */
export function originToMs(origin: number): number {
  const abs = Math.abs(origin);
  if (abs >= 1e17) return Math.floor(origin / 1e6);
  if (abs >= 1e14) return Math.floor(origin / 1e3);
  if (abs >= 1e11) return Math.floor(origin);
  return Math.floor(origin * 1e3);
}

/** The numeric value of a reading (Go's %e floats parse as JS numbers), or null. */
export function readingNumber(valueType: string, value: string | null | undefined): number | null {
  if (!NUMERIC.test(valueType) || value === undefined || value === null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The API form of a reading. */
export function toReadingView(r: TEdgexReading): TEdgexReadingView {
  const at = originToMs(r.origin);
  return {
    id: r.id ?? null,
    at: new Date(Number.isFinite(at) ? at : 0).toISOString(),
    deviceName: r.deviceName,
    resourceName: r.resourceName,
    valueType: r.valueType,
    units: r.units || null,
    value: r.value ?? null,
    numeric: readingNumber(r.valueType, r.value),
  };
}

/** The API form of an event. */
export function toEventView(e: TEdgexEvent): TEdgexEventView {
  return { id: e.id ?? null, at: new Date(originToMs(e.origin)).toISOString(), deviceName: e.deviceName, sourceName: e.sourceName ?? null, readings: e.readings.map(toReadingView) };
}

/**
 * Groups numeric readings into one series per (device, resource), oldest first, ready for
 * a chart. Duplicate readings (same id, as overlapping polls return) count once.
 */
export function numericSeries(readings: readonly TEdgexReadingView[]): TEdgexSeries[] {
  const series = new Map<string, TEdgexSeries & { seen: Set<string> }>();
  for (const r of readings) {
    if (r.numeric === null) continue;
    const key = `${r.deviceName}\u0000${r.resourceName}`;
    let s = series.get(key);
    if (!s) {
      s = { deviceName: r.deviceName, resourceName: r.resourceName, units: r.units, valueType: r.valueType, points: [], seen: new Set() };
      series.set(key, s);
    }
    const id = r.id ?? `${r.at}/${r.numeric}`;
    if (s.seen.has(id)) continue;
    s.seen.add(id);
    s.points.push({ t: Date.parse(r.at), v: r.numeric });
  }
  return [...series.values()]
    .map(({ seen: _seen, ...s }) => ({ ...s, points: s.points.sort((a, b) => a.t - b.t) }))
    .sort((a, b) => a.deviceName.localeCompare(b.deviceName) || a.resourceName.localeCompare(b.resourceName));
}
