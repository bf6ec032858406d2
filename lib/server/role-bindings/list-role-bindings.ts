import "server-only";
import type { RoleBinding } from "@/lib/generated/prisma/client";
import type { TRoleBinding } from "@/lib/shared/access/role-bindings.schema";
import { prisma } from "../db/prisma";

type Row = RoleBinding & { clusterGroup: { id: string; name: string } | null };

export function toRoleBindingDto(row: Row): TRoleBinding {
  // "none" is never stored in a binding (the input schema refuses it).
  const role = row.role === "none" ? "viewer" : row.role;
  return { id: row.id, subjectKind: row.subjectKind, subject: row.subject, role, clusterGroup: row.clusterGroup, createdAt: row.createdAt.toISOString() };
}

export const BINDING_INCLUDE = { clusterGroup: { select: { id: true, name: true } } } as const;

/** Every role binding, by subject then role. */
export async function listRoleBindings(): Promise<{ items: TRoleBinding[] }> {
  const rows = await prisma.roleBinding.findMany({ include: BINDING_INCLUDE, orderBy: [{ subjectKind: "asc" }, { subject: "asc" }, { role: "asc" }] });
  return { items: rows.map(toRoleBindingDto) };
}
