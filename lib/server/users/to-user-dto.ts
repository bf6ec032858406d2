import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import type { TUser } from "@/lib/shared/users/users.schema";

/** The API shape of a user (no credentials). */
export function toUserDto(user: User): TUser {
  return {
    id: user.id,
    username: user.username ?? user.email,
    displayName: user.name,
    role: user.role,
    idpGroups: user.idpGroups,
    disabled: user.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
  };
}

/** better-auth needs a unique email; Outpost users have usernames only. */
export function syntheticEmail(username: string): string {
  return `${username}@users.outpost.invalid`;
}
