/**
 * How a twin property's reported value compares with the desired one:
 * `in_sync` equal; `drift` both set and different; `pending` desired but nothing reported
 * yet; `reported_only` no desired value (a read-only property such as a temperature).
 */
export type TTwinState = "in_sync" | "drift" | "pending" | "reported_only";

const NUMERIC_TYPES = /^(int|float|double|integer|number)$/i;
const BOOLEAN_TYPES = /^(bool|boolean)$/i;

function same(desired: string, reported: string, type: string | null): boolean {
  if (desired === reported) return true;
  const [d, r] = [desired.trim(), reported.trim()];
  // "21.5" and "21.50" (or "2.15e+01") are the same setting.
  if ((type === null || NUMERIC_TYPES.test(type)) && d !== "" && r !== "" && Number.isFinite(Number(d)) && Number.isFinite(Number(r))) return Number(d) === Number(r);
  if (type && BOOLEAN_TYPES.test(type)) return d.toLowerCase() === r.toLowerCase();
  return d === r;
}

/**
 * Compares a twin's desired and reported values (KubeEdge carries both as strings; the
 * property type, when known, decides whether "21.5" equals "21.50"). Empty strings count as
 * unset: KubeEdge writes `desired.value: ""` for properties nobody sets.
 */
export function twinState(desired: string | null | undefined, reported: string | null | undefined, type: string | null = null): TTwinState {
  const hasDesired = desired !== null && desired !== undefined && desired !== "";
  const hasReported = reported !== null && reported !== undefined && reported !== "";
  if (!hasDesired) return "reported_only";
  if (!hasReported) return "pending";
  return same(desired, reported, type) ? "in_sync" : "drift";
}
