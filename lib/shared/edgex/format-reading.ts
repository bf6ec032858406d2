import { formatNumberForPeople } from "@/lib/shared/format-number";

/** EdgeX value types that hold numbers (Int8…Uint64, Float32, Float64). */
const INTEGER = /^(Int|Uint)(8|16|32|64)$/;
const FLOAT = /^Float(32|64)$/;

/**
 * A reading's value for people, in the user's locale: integers with grouping, floats with
 * `precision` fraction digits when the profile gives one (else up to 2, at most 4
 * significant digits for small values), very large or very small magnitudes in scientific
 * notation ("1.8E308", never 309 digits). EdgeX sends floats as Go's `%e` text
 * ("2.305e+01"): that is parsed, not shown. Non-numeric values (Bool, String, arrays) come
 * back as they are.
 */
export function formatReading(value: string | null | undefined, valueType: string, locale: string, precision?: number | null): string {
  if (value === null || value === undefined) return "—";
  if (!INTEGER.test(valueType) && !FLOAT.test(valueType)) return value;
  const trimmed = value.trim();
  if (trimmed === "") return value;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return value;
  return formatNumberForPeople(n, locale, INTEGER.test(valueType) ? 0 : precision);
}
