// Kubernetes resource quantities (`123456n`, `18432Ki`, `250m`, `1.5Gi`, `2e3`) and the
// figures `kubectl top` prints from them. Pure: shared by the API and the browser.

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/;

/** A quantity in base units (cores, bytes), or null when it is not a valid quantity. */
export function parseQuantity(text: string | undefined | null): number | null {
  if (typeof text !== "string") return null;
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]);
  if (m[2]) return value * 10 ** Number(m[2].slice(1));
  return value * SUFFIX[m[3] ?? ""]!;
}

/** CPU in nanocores (integer), 0 for an invalid quantity. */
export function cpuNanocores(text: string | undefined | null): number {
  return Math.round((parseQuantity(text) ?? 0) * 1e9);
}

/** Memory in bytes (rounded up like Quantity.Value()), 0 for an invalid quantity. */
export function memoryBytes(text: string | undefined | null): number {
  return Math.ceil((parseQuantity(text) ?? 0) - 1e-9);
}

/** Millicores as `kubectl top` prints them: Quantity.MilliValue() rounds up. */
export function topMillicores(nanocores: number): number {
  return Math.ceil(nanocores / 1e6);
}

/** `kubectl top`'s CPU(cores) cell: `12m`. */
export function formatTopCpu(nanocores: number): string {
  return `${topMillicores(nanocores)}m`;
}

/** `kubectl top`'s MEMORY(bytes) cell: whole MiB rounded down, `45Mi`. */
export function formatTopMemory(bytes: number): string {
  return `${Math.floor(bytes / 2 ** 20)}Mi`;
}

/** `kubectl top nodes`' percent cells: usage × 100 / allocatable, integer division (`CPU(%)` in millicores). */
export function topPercent(usage: number, allocatable: number): string {
  if (!(allocatable > 0)) return "";
  return `${Math.floor((usage * 100) / allocatable)}%`;
}
