import "server-only";
import { can, CLUSTER_PERMISSIONS, PERMISSIONS, type TPermission } from "@/lib/shared/permissions";
import { strongestRoleOf } from "../access/resolve-principal-access";
import type { TUser } from "@/lib/shared/users/users.schema";
import type { Principal } from "../auth/principal";
import { getUserOrThrow } from "./get-user-or-throw";
import { toUserDto } from "./to-user-dto";

/**
 * The caller's user record plus the permissions their roles grant (the UI hides what they
 * lack): a cluster permission held on some cluster counts (each cluster still checks it).
 */
export async function getMe(principal: Principal): Promise<{ user: TUser; permissions: TPermission[]; via: Principal["via"] }> {
  const user = toUserDto(await getUserOrThrow(principal.userId));
  const permissions = (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => can(CLUSTER_PERMISSIONS.has(p) ? strongestRoleOf(principal.access) : principal.role, p));
  return { user, permissions, via: principal.via };
}
