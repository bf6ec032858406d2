/** Cookie carrying the browser's IANA time zone, so server-rendered times match the user's clock. */
export const TIME_ZONE_COOKIE = "outpost-tz";

/** The time zone if the runtime knows it (guards against arbitrary cookie values), else UTC. */
export function validTimeZone(value: string | undefined): string {
  if (!value || value.length > 64) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}
