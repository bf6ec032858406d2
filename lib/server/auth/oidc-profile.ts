import "server-only";
import { createHash } from "node:crypto";
import type { OidcConfig } from "../config/load-config";

const MAX_GROUPS = 200;
const MAX_GROUP_LENGTH = 256;

/** The user fields Outpost keeps from an OpenID provider's claims (at first sign-in and every later one). */
export type OidcUserFields = {
  username: string;
  displayUsername: string;
  name: string;
  email: string;
  idpGroups: string[];
};

function claimString(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * An Outpost username from a claim: lowercased, characters outside `[a-z0-9._-]` become "-",
 * leading separators dropped, at most 64 characters. A claim that leaves fewer than 2
 * characters falls back to `sso-` + a hash of the subject (stable across sign-ins).
 */
export function usernameFromClaim(value: string | undefined, subject: string): string {
  const cleaned = (value ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 64)
    .replace(/[^a-z0-9]+$/, "");
  return cleaned.length >= 2 ? cleaned : `sso-${createHash("sha256").update(subject).digest("hex").slice(0, 12)}`;
}

/** Group names from the configured claim: an array of strings (or one string), bounded. */
export function groupsFromClaim(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  const groups = list.filter((g): g is string => typeof g === "string" && g.trim() !== "" && g.length <= MAX_GROUP_LENGTH).map((g) => g.trim());
  return [...new Set(groups)].slice(0, MAX_GROUPS);
}

/**
 * Maps an ID token / userinfo profile to the user row: username from the configured claim
 * (default `preferred_username`, else the e-mail's local part, else the subject), display
 * name from `name`, groups from the configured claim (default `groups`).
 */
export function oidcUserFromClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, "usernameClaim" | "groupsClaim">): OidcUserFields {
  const subject = claimString(claims, "sub") ?? "";
  const email = claimString(claims, "email");
  const rawName = claimString(claims, config.usernameClaim) ?? email?.split("@")[0];
  const username = usernameFromClaim(rawName, subject);
  return {
    username,
    displayUsername: username,
    name: claimString(claims, "name") ?? rawName ?? username,
    // better-auth needs an e-mail; a provider that sends none gets a synthetic one (never mailed).
    email: (email ?? `${username}@sso.outpost.invalid`).toLowerCase(),
    idpGroups: groupsFromClaim(claims[config.groupsClaim]),
  };
}
