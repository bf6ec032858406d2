import "server-only";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";

/** Removes a role binding (admin; audited in the same transaction; 404 when unknown). */
export async function deleteRoleBinding(id: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.roleBinding.findUnique({ where: { id }, include: { clusterGroup: { select: { name: true } } } });
    if (!row) throw notFound("Role binding");
    await tx.roleBinding.delete({ where: { id } });
    await recordAuditEvent(
      {
        actor,
        action: "role-binding.delete",
        target: { type: "role-binding", id, name: `${row.subjectKind}:${row.subject}` },
        details: { subjectKind: row.subjectKind, subject: row.subject, role: row.role, clusterGroup: row.clusterGroup?.name ?? null },
        ...meta,
      },
      tx,
    );
  });
}
