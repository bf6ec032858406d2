import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Registration tokens: 256 random bits as 64 lowercase hex characters — no "_" or "-", so
 * `/v3/import/<token>_<clusterId>.yaml` splits unambiguously and the token survives any
 * shell or YAML quoting.
 */
export function generateRegistrationToken(): string {
  return randomBytes(32).toString("hex");
}

export function isWellFormedRegistrationToken(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** Agent credentials: `oac_` + 256 random bits. */
export function generateAgentCredential(): string {
  return "oac_" + randomBytes(32).toString("base64url");
}

/** Stored form of tokens and credentials (high-entropy secrets: a fast hash is enough). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Fleet tokens (self-registration, many agents): `oft-` + 256 random bits as hex. The prefix
 * tells the agent and the console it is not a cluster's registration token, and keeps
 * `/v3/import/<fleet token>.yaml` apart from `<token>_<clusterId>.yaml`.
 */
export function generateFleetToken(): string {
  return "oft-" + randomBytes(32).toString("hex");
}

export function isWellFormedFleetToken(value: string): boolean {
  return /^oft-[0-9a-f]{64}$/.test(value);
}
