import "server-only";
import { z } from "zod";

/** Default deadline of every EdgeX call (issue 6: 5 s). */
export const DEFAULT_EDGEX_TIMEOUT_MS = 5_000;
/** Service discovery is reused this long: less than one page refresh (10 s), so nothing outlives it. */
export const DISCOVERY_TTL_MS = 5_000;

const ZTimeoutSchema = z.coerce.number().int().min(200).max(60_000);

/**
 * The deadline of one EdgeX call: `OUTPOST_EDGEX_TIMEOUT_MS` (200–60,000) or 5 s. Read per
 * call so tests and operators can tune it; an invalid value falls back to the default
 * rather than failing every page.
 */
export function edgexTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = ZTimeoutSchema.safeParse(env.OUTPOST_EDGEX_TIMEOUT_MS);
  return parsed.success ? parsed.data : DEFAULT_EDGEX_TIMEOUT_MS;
}
