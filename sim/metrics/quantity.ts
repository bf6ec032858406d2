// Kubernetes resource quantities as the metrics API needs them: CPU in millicores and
// memory in bytes from requests/limits/allocatable, and back to metrics-server's wording
// (nanocores `123456n`, memory in `Ki`).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A quantity string as a plain number (`"100m"` → 0.1, `"1Gi"` → 1073741824); undefined if malformed. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return undefined;
  const m = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return undefined;
  const suffix = m[2] ?? "";
  return Number(m[1]) * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** CPU cores → metrics-server's nanocores quantity. */
export function formatCpu(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Bytes → metrics-server's kibibytes quantity. */
export function formatMemory(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
