import "server-only";
import { createHash, randomBytes } from "node:crypto";

const PREFIX = "opt_";

/** A new personal API token: `opt_` + 256 random bits (base64url). */
export function generateApiToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens are stored only as this hash (SHA-256 hex; the token has 256 bits of entropy). */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length === PREFIX.length + 43;
}

/** The part of a token safe to display, e.g. "opt_Ab3d…". */
export function displayPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 4);
}
