import "server-only";
import type { TRoleBinding, TRoleBindingInput } from "@/lib/shared/access/role-bindings.schema";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { prisma } from "../db/prisma";
import { ApiError } from "../http/api-error";
import { BINDING_INCLUDE, toRoleBindingDto } from "./list-role-bindings";

/**
 * Adds a role binding (admin; audited in the same transaction). A user subject must exist
 * (by username); a group subject is any name the identity provider may send. 422 for an
 * unknown user or cluster group, 409 when the same binding exists.
 */
export async function createRoleBinding(input: TRoleBindingInput, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TRoleBinding> {
  return prisma.$transaction(async (tx) => {
    if (input.subjectKind === "user" && !(await tx.user.findUnique({ where: { username: input.subject }, select: { id: true } }))) {
      throw new ApiError("validation_failed", `There is no user named ${input.subject}`, { fields: { subject: `no user named ${input.subject}` } });
    }
    const group = input.clusterGroup ? await tx.clusterGroup.findUnique({ where: { name: input.clusterGroup }, select: { id: true } }) : null;
    if (input.clusterGroup && !group) throw new ApiError("validation_failed", `There is no cluster group named ${input.clusterGroup}`, { fields: { clusterGroup: `no cluster group named ${input.clusterGroup}` } });
    const clusterGroupId = group?.id ?? null;
    const same = await tx.roleBinding.findFirst({ where: { subjectKind: input.subjectKind, subject: input.subject, role: input.role, clusterGroupId }, select: { id: true } });
    if (same) throw new ApiError("conflict", "This role binding exists already");
    const row = await tx.roleBinding.create({ data: { subjectKind: input.subjectKind, subject: input.subject, role: input.role, clusterGroupId }, include: BINDING_INCLUDE });
    await recordAuditEvent(
      {
        actor,
        action: "role-binding.create",
        target: { type: "role-binding", id: row.id, name: `${input.subjectKind}:${input.subject}` },
        details: { subjectKind: input.subjectKind, subject: input.subject, role: input.role, clusterGroup: input.clusterGroup ?? null },
        ...meta,
      },
      tx,
    );
    return toRoleBindingDto(row);
  });
}
