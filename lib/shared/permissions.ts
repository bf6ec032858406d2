import type { TRole } from "./users/users.schema";

/**
 * Every permission a route can declare. Viewer is read-only everywhere; operator may act
 * on clusters; admin also manages users and sees the audit log.
 */
export const PERMISSIONS = {
  "self:read": ["admin", "operator", "viewer"],
  "self:write": ["admin", "operator", "viewer"], // own password, locale, own API tokens
  "users:read": ["admin"],
  "users:write": ["admin"],
  "audit:read": ["admin"],
  "clusters:read": ["admin", "operator", "viewer"],
  "clusters:write": ["admin", "operator"],
  "clusters:act": ["admin", "operator"],
  "settings:write": ["admin"],
  "bundles:read": ["admin", "operator", "viewer"],
  "bundles:write": ["admin", "operator"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

/** True when `role` holds `permission`. */
export function can(role: TRole, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}
