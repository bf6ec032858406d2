import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { TCreateUser, TUser } from "@/lib/shared/users/users.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { conflict } from "../http/api-error";
import { insertUserWithPassword } from "./insert-user-with-password";
import { toUserDto } from "./to-user-dto";

/** Creates a user with a password (admin only); the user and its audit entry commit together. */
export async function createUser(input: TCreateUser, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TUser> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username } })) {
      throw conflict(`User "${input.username}" already exists`);
    }
    const user = await insertUserWithPassword(tx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: input.role,
      passwordHash,
      mustChangePassword: input.mustChangePassword,
    });
    await recordAuditEvent(
      { actor, action: "user.create", target: { type: "user", id: user.id, name: input.username }, details: { role: input.role }, ...meta },
      tx,
    );
    return toUserDto(user);
  });
}
