import "server-only";
import type { RegistrationToken } from "@/lib/generated/prisma/client";
import { prisma, type TransactionClient } from "../db/prisma";
import { hashSecret, isWellFormedRegistrationToken } from "./secret-format";

/**
 * The live token with this value — not revoked, not expired, and bound to `clusterId`
 * when one is given — or null. Callers answer every null the same way (no oracle).
 */
export async function findUsableRegistrationToken(
  token: string,
  clusterId: string | undefined,
  tx: TransactionClient = prisma,
): Promise<RegistrationToken | null> {
  if (!isWellFormedRegistrationToken(token)) return null;
  const row = await tx.registrationToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt || row.expiresAt <= new Date()) return null;
  if (clusterId !== undefined && row.clusterId !== clusterId) return null;
  return row;
}
