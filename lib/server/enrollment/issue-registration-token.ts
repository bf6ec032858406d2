import "server-only";
import type { TransactionClient } from "../db/prisma";
import { getRuntimeContext } from "../runtime/runtime-context";
import { generateRegistrationToken, hashSecret } from "./secret-format";

/**
 * Issues a registration token bound to one cluster, valid for
 * OUTPOST_REGISTRATION_TOKEN_TTL_HOURS. Only its hash is stored; the value is returned
 * once, for the import commands.
 */
export async function issueRegistrationToken(tx: TransactionClient, clusterId: string): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = generateRegistrationToken();
  const expiresAt = new Date(Date.now() + getRuntimeContext().config.registrationTokenTtlHours * 3_600_000);
  const row = await tx.registrationToken.create({ data: { clusterId, tokenHash: hashSecret(token), expiresAt } });
  return { id: row.id, token, expiresAt };
}
