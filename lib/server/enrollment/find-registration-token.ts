import "server-only";
import type { RegistrationToken } from "@/lib/generated/prisma/client";
import { prisma, type TransactionClient } from "../db/prisma";
import { hashSecret, isWellFormedRegistrationToken } from "./secret-format";

/**
 * What a presented registration token is: `usable` (live, unused, bound to `clusterId` when
 * one is given), `used` (an agent has already enrolled with it — tokens are single-use), or
 * `invalid` (garbage, unknown, expired, revoked, another cluster's). Callers answer every
 * `invalid` the same way (no oracle); `used` is only reachable by someone holding the token.
 */
export type TokenLookup = { status: "usable" | "used"; row: RegistrationToken } | { status: "invalid" };

export async function findRegistrationToken(token: string, clusterId: string | undefined, tx: TransactionClient = prisma): Promise<TokenLookup> {
  if (!isWellFormedRegistrationToken(token)) return { status: "invalid" };
  const row = await tx.registrationToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt || row.expiresAt <= new Date()) return { status: "invalid" };
  if (clusterId !== undefined && row.clusterId !== clusterId) return { status: "invalid" };
  return { status: row.useCount > 0 ? "used" : "usable", row };
}
