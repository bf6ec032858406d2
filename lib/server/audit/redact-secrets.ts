import "server-only";

const SECRET_KEY = /pass(word)?|secret|token|credential|authorization|cookie|private.?key/i;
const IMPORT_PATH = /(\/v3\/import\/)[^/\s?"']+/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Replaces registration tokens in `/v3/import/<token>_<id>.yaml` paths and bearer tokens. */
export function redactText(text: string): string {
  return text.replace(IMPORT_PATH, "$1[REDACTED]").replace(BEARER, "$1[REDACTED]");
}

/**
 * Deep copy of `value` with secret-looking keys replaced by "[REDACTED]" and secret-bearing
 * paths redacted in strings. Audit entries and logs go through this, so a caller that
 * passes a whole request body by mistake still stores no secret.
 */
export function redactSecrets<T>(value: T): T {
  if (typeof value === "string") return redactText(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[REDACTED]" : redactSecrets(v);
    return out as T;
  }
  return value;
}
