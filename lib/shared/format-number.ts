/** Beyond these magnitudes a plain number is unreadable: scientific notation instead. */
const LARGE = 1e9;
const SMALL = 1e-3;

/**
 * A number for people, in the user's locale: grouping, up to 2 fraction digits (at most 4
 * significant digits below 1), scientific notation for very large or very small magnitudes
 * ("1.8E308", never 309 digits). `fractionDigits` fixes the decimals when given.
 */
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
