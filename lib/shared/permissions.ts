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
  // Cluster groups decide who reaches which clusters (role bindings): a global role edits them.
  "groups:write": ["admin", "operator"],
  // The self-registration queue shows machines not yet in any cluster group: a global role reads it.
  "registrations:read": ["admin", "operator", "viewer"],
  // k3s upgrades install system-upgrade-controller (cluster-admin in each cluster): admins only.
  "upgrades:write": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

/**
 * Permissions a role binding scoped to a cluster group can grant: they are held per
 * cluster (the route's cluster, or the clusters in scope for lists). Every other permission
 * is about the console itself (users, audit, settings, the cluster registry, groups) and
 * needs a global role.
 */
export const CLUSTER_PERMISSIONS: ReadonlySet<TPermission> = new Set(["clusters:read", "clusters:act", "bundles:read", "bundles:write"]);

/** A signed-in user may always read and change their own account, whatever their roles. */
const SELF_PERMISSIONS: ReadonlySet<TPermission> = new Set(["self:read", "self:write"]);

/** True when `role` holds `permission` (`null` = no role: only the own account). */
export function can(role: TRole | null, permission: TPermission): boolean {
  if (SELF_PERMISSIONS.has(permission)) return true;
  return role !== null && (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

const RANK: Record<TRole, number> = { viewer: 1, operator: 2, admin: 3 };

/** The stronger of roles (`null` when none). */
export function strongestRole(roles: ReadonlyArray<TRole | null>): TRole | null {
  let best: TRole | null = null;
  for (const r of roles) if (r !== null && (best === null || RANK[r] > RANK[best])) best = r;
  return best;
}

/** `role`, lowered to viewer when `readOnly`. */
export function capRole(role: TRole | null, readOnly: boolean): TRole | null {
  return role !== null && readOnly ? "viewer" : role;
}
