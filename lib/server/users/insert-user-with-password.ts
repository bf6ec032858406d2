import "server-only";
import { randomUUID } from "node:crypto";
import type { Role, User } from "@/lib/generated/prisma/client";
import type { TransactionClient } from "../db/prisma";
import { syntheticEmail } from "./to-user-dto";

/**
 * Inserts a user and its password credential (better-auth's "credential" account) inside
 * the caller's transaction. `passwordHash` comes from better-auth's scrypt `hashPassword`.
 */
export async function insertUserWithPassword(
  tx: TransactionClient,
  input: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword: boolean },
): Promise<User> {
  const id = randomUUID();
  const user = await tx.user.create({
    data: {
      id,
      name: input.displayName,
      email: syntheticEmail(input.username),
      username: input.username,
      displayUsername: input.username,
      role: input.role,
      mustChangePassword: input.mustChangePassword,
    },
  });
  await tx.account.create({
    data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: input.passwordHash },
  });
  return user;
}
