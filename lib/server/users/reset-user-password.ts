import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getUserOrThrow } from "./get-user-or-throw";
import { setUserPassword } from "./set-user-password";

/** Admin sets a new password for a user (by default to be changed at next login). */
export async function resetUserPassword(
  id: string,
  input: { password: string; mustChangePassword: boolean },
  actor: AuditActor,
  meta: { ip?: string; requestId?: string } = {},
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await getUserOrThrow(id, tx);
    await setUserPassword(tx, id, input.password, { mustChangePassword: input.mustChangePassword });
    await recordAuditEvent(
      { actor, action: "user.password-reset", target: { type: "user", id, name: user.username ?? undefined }, ...meta },
      tx,
    );
  });
}
