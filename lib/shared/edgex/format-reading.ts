/** EdgeX value types that hold numbers (Int8…Uint64, Float32, Float64). */
const INTEGER = /^(Int|Uint)(8|16|32|64)$/;
const FLOAT = /^Float(32|64)$/;

/** Beyond these magnitudes a plain number is unreadable: scientific notation instead. */
const LARGE = 1e9;
const SMALL = 1e-3;

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

/** A number for people (see formatReading); `fractionDigits` fixes the decimals when given. */
export function formatNumberForPeople(n: number, locale: string, fractionDigits?: number | null): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= LARGE || abs < SMALL)) {
    return new Intl.NumberFormat(locale, { notation: "scientific", maximumFractionDigits: 3 }).format(n);
  }
  if (fractionDigits !== undefined && fractionDigits !== null) {
    const digits = Math.max(0, Math.min(6, Math.trunc(fractionDigits)));
    return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  }
  if (Number.isInteger(n)) return new Intl.NumberFormat(locale).format(n);
  return new Intl.NumberFormat(locale, abs < 1 ? { maximumSignificantDigits: 4 } : { maximumFractionDigits: 2 }).format(n);
}
