import "server-only";
import { capRole, strongestRole } from "@/lib/shared/permissions";
import type { TRole, TUserRole } from "@/lib/shared/users/users.schema";
import { prisma } from "../db/prisma";
import type { PrincipalAccess, ScopedGrant } from "../auth/principal";

const ownRole = (role: TUserRole): TRole | null => (role === "none" ? null : role);

/**
 * A user's access: their own role plus every role binding naming them (by username) or one
 * of their identity-provider groups — global bindings raise the global role, scoped ones
 * become grants on cluster groups. A token's narrowing (`readOnly`, `narrowTo`) is applied
 * on top. One indexed query.
 */
export async function resolvePrincipalAccess(
  user: { username: string; role: TUserRole; idpGroups: string[] },
  narrowing: { readOnly: boolean; narrowTo: string | null } = { readOnly: false, narrowTo: null },
): Promise<PrincipalAccess> {
  const bindings = await prisma.roleBinding.findMany({
    where: {
      OR: [{ subjectKind: "user", subject: user.username }, ...(user.idpGroups.length > 0 ? [{ subjectKind: "group" as const, subject: { in: user.idpGroups } }] : [])],
    },
    select: { role: true, clusterGroupId: true },
  });
  const global = strongestRole([ownRole(user.role), ...bindings.filter((b) => b.clusterGroupId === null).map((b) => ownRole(b.role))]);
  const grants: ScopedGrant[] = [];
  for (const b of bindings) {
    const role = ownRole(b.role);
    if (b.clusterGroupId !== null && role !== null) grants.push({ role, clusterGroupId: b.clusterGroupId });
  }
  return { globalRole: global, grants, narrowTo: narrowing.narrowTo, readOnly: narrowing.readOnly };
}

/** The role for console-wide permissions: the global role, none for a token narrowed to a group. */
export function consoleRoleOf(access: PrincipalAccess): TRole | null {
  return access.narrowTo !== null ? null : capRole(access.globalRole, access.readOnly);
}

/** The strongest role held anywhere (lists and fleet pages open when it is not null). */
export function strongestRoleOf(access: PrincipalAccess): TRole | null {
  return capRole(strongestRole([access.globalRole, ...access.grants.map((g) => g.role)]), access.readOnly);
}
