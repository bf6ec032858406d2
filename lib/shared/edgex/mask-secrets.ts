/** What a masked value is replaced with. */
export const MASKED = "••••••";

/**
 * Keys whose values are secrets: password, secret, token, key, credentials (any case, any
 * part of the key — `AuthToken`, `SecretData`, `PrivateKey`, `apiKey`). Deliberately broad:
 * hiding a harmless `SecretName` costs little, showing a password costs a lot.
 */
const SECRET_KEY = /pass(word|wd|phrase)?|pwd|secret|token|key|credential/i;

/** True when a configuration key names a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function maskAll(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskAll);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskAll(v)]));
  }
  // An empty value reveals nothing but that it is empty, which operators need to see.
  if (value === "" || value === null || value === undefined) return value;
  return MASKED;
}

/**
 * Deep copy of an EdgeX configuration with every secret masked, at any depth. Under a
 * secret key an object keeps its shape (so operators see which fields exist, e.g.
 * `InsecureSecrets.DB.SecretData.password`) but every leaf value is masked.
 */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = isSecretKey(k) ? maskAll(v) : maskSecrets(v);
    return out as T;
  }
  return value;
}
