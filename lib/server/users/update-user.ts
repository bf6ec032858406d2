import "server-only";
import type { TUpdateUser, TUser } from "@/lib/shared/users/users.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { conflict } from "../http/api-error";
import { getUserOrThrow } from "./get-user-or-throw";
import { toUserDto } from "./to-user-dto";

/**
 * Changes a user's display name, role or disabled state. Disabling ends the user's
 * sessions at once (their API tokens stop working too: every request checks the user).
 * The last active admin can be neither demoted nor disabled.
 */
export async function updateUser(id: string, input: TUpdateUser, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TUser> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('outpost.admins'))`;
    const before = await getUserOrThrow(id, tx);
    const losesAdmin = before.role === "admin" && !before.disabledAt && ((input.role && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const activeAdmins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (activeAdmins <= 1) throw conflict("At least one active admin must remain");
    }
    const disabledAt = input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const user = await tx.user.update({
      where: { id },
      data: { name: input.displayName, role: input.role, disabledAt },
    });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: id } });
    const changes: Record<string, unknown> = {};
    if (input.role && input.role !== before.role) changes.role = { from: before.role, to: input.role };
    if (input.disabled !== undefined && input.disabled !== (before.disabledAt !== null)) changes.disabled = input.disabled;
    if (input.displayName && input.displayName !== before.name) changes.displayName = input.displayName;
    await recordAuditEvent(
      { actor, action: "user.update", target: { type: "user", id, name: user.username ?? undefined }, details: changes, ...meta },
      tx,
    );
    return toUserDto(user);
  });
}
