import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { TransactionClient } from "../db/prisma";

/** Replaces a user's password hash and ends their sessions, except `keepSessionId`. */
export async function setUserPassword(
  tx: TransactionClient,
  userId: string,
  password: string,
  opts: { mustChangePassword: boolean; keepSessionId?: string },
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await tx.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: passwordHash } });
  await tx.user.update({ where: { id: userId }, data: { mustChangePassword: opts.mustChangePassword } });
  await tx.session.deleteMany({ where: { userId, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) } });
}
