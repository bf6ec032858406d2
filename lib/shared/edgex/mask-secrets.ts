/** What a masked value is replaced with. */
export const MASKED = "••••••";

/**
 * Keys whose values are secrets: password, secret, token, key, credentials (any case, any
 * part of the key — `AuthToken`, `SecretData`, `PrivateKey`, `apiKey`). Deliberately broad:
 * hiding a harmless `SecretName` costs little, showing a password costs a lot.
 */
const SECRET_KEY = /pass(word|wd|phrase)?|pwd|secret|token|key|credential/i;

/** Secret-named keys whose whole content is secret material (SecretData, Credentials, InsecureSecrets). */
const SECRET_HOLDER = /data$|credentials?$|secrets$/i;

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

function maskEntry(key: string, value: unknown): unknown {
  if (!isSecretKey(key)) return maskSecrets(value);
  const nested = value !== null && typeof value === "object";
  // A secret holder (SecretData, Credentials) is masked whole; settings *about* secrets
  // (SecretStore: host, port, type) are searched for secret leaves like any object.
  if (!nested || SECRET_HOLDER.test(key)) return maskAll(value);
  return maskSecrets(value);
}

/**
 * Deep copy of an EdgeX configuration with every secret masked, at any depth: values of
 * secret-named keys, and every leaf of secret holders (which keep their shape, so
 * operators see which fields exist, e.g. `InsecureSecrets.DB.SecretData.password`).
 */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskEntry(k, v);
    return out as T;
  }
  return value;
}
