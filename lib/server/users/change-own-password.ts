import "server-only";
import { verifyPassword } from "better-auth/crypto";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { auditActorOf, type Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import { setUserPassword } from "./set-user-password";

/**
 * The signed-in user changes their own password (required after a bootstrap or reset
 * password). Other sessions of the user end; the current one stays.
 */
export async function changeOwnPassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  meta: { ip?: string; requestId?: string } = {},
): Promise<void> {
  const account = await prisma.account.findFirst({ where: { userId: principal.userId, providerId: "credential" } });
  const valid = account?.password ? await verifyPassword({ hash: account.password, password: input.currentPassword }) : false;
  if (!valid) {
    throw new ApiError("validation_failed", "Current password is wrong", { fields: { currentPassword: "is wrong" } });
  }
  if (input.currentPassword === input.newPassword) {
    throw new ApiError("validation_failed", "The new password must differ from the current one", {
      fields: { newPassword: "must differ from the current password" },
    });
  }
  await prisma.$transaction(async (tx) => {
    await setUserPassword(tx, principal.userId, input.newPassword, { mustChangePassword: false, keepSessionId: principal.sessionId });
    await recordAuditEvent(
      { actor: auditActorOf(principal), action: "user.password-change", target: { type: "user", id: principal.userId, name: principal.username }, ...meta },
      tx,
    );
  });
}
