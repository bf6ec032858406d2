import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { hashSecret } from "./secret-format";

/**
 * The cluster an agent credential belongs to, or null when the credential is unknown,
 * revoked, or presented for another cluster than `claimedClusterId`.
 */
export async function authenticateAgent(credential: string, claimedClusterId: string | undefined): Promise<Cluster | null> {
  if (!credential.startsWith("oac_") || credential.length > 100) return null;
  const row = await prisma.agentCredential.findUnique({ where: { credentialHash: hashSecret(credential) }, include: { cluster: true } });
  if (!row || row.revokedAt) return null;
  if (claimedClusterId && claimedClusterId !== row.clusterId) return null;
  await prisma.agentCredential.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.cluster;
}
