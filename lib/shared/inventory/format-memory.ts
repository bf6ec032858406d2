// Memory quantities ("8245000Ki", "16Gi", "17179869184") as GiB for people; the raw quantity stays beside it.
const FACTORS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, "": 1 };

/** Bytes of a Kubernetes memory quantity, or null when it is not one. */
export function memoryBytes(quantity: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.exec(quantity.trim());
  if (!m) return null;
  return Number(m[1]) * (FACTORS[m[2] ?? ""] ?? 1);
}

/** "7.9" (GiB, one decimal) for "8245000Ki"; null when the quantity cannot be read. */
export function gibibytes(quantity: string): string | null {
  const bytes = memoryBytes(quantity);
  return bytes === null ? null : (bytes / 2 ** 30).toFixed(1);
}
