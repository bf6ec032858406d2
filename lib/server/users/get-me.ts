import "server-only";
import { can, PERMISSIONS, type TPermission } from "@/lib/shared/permissions";
import type { TUser } from "@/lib/shared/users/users.schema";
import type { Principal } from "../auth/principal";
import { getUserOrThrow } from "./get-user-or-throw";
import { toUserDto } from "./to-user-dto";

/** The caller's user record plus the permissions their role grants (the UI hides what they lack). */
export async function getMe(principal: Principal): Promise<{ user: TUser; permissions: TPermission[]; via: Principal["via"] }> {
  const user = toUserDto(await getUserOrThrow(principal.userId));
  const permissions = (Object.keys(PERMISSIONS) as TPermission[]).filter((p) => can(user.role, p));
  return { user, permissions, via: principal.via };
}
