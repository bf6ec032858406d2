import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import { batchCalls } from "../db/batch-calls";
import { prisma } from "../db/prisma";
import { hashSecret } from "./secret-format";

type CredentialRow = { id: string; clusterId: string; revokedAt: Date | null; cluster: Cluster };

// After a console restart every agent presents its credential within seconds: look them up
// in batches (one SELECT per batch, then one UPDATE of lastUsedAt for the valid ones) instead
// of two round trips per connect.
const lookUp = batchCalls(async (hashes: string[]): Promise<(CredentialRow | null)[]> => {
  const rows = await prisma.agentCredential.findMany({ where: { credentialHash: { in: hashes } }, include: { cluster: true } });
  const byHash = new Map(rows.map((r) => [r.credentialHash, r]));
  const used = rows.filter((r) => !r.revokedAt).map((r) => r.id);
  if (used.length > 0) await prisma.agentCredential.updateMany({ where: { id: { in: used } }, data: { lastUsedAt: new Date() } });
  return hashes.map((h) => byHash.get(h) ?? null);
}, { delayMs: 10 });

/**
 * The cluster an agent credential belongs to, or null when the credential is unknown,
 * revoked, or presented for another cluster than `claimedClusterId`.
 */
export async function authenticateAgent(credential: string, claimedClusterId: string | undefined): Promise<Cluster | null> {
  if (!credential.startsWith("oac_") || credential.length > 100) return null;
  const row = await lookUp(hashSecret(credential));
  if (!row || row.revokedAt) return null;
  if (claimedClusterId && claimedClusterId !== row.clusterId) return null;
  return row.cluster;
}
