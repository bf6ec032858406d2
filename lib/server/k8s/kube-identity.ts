import "server-only";
import type { TRole } from "@/lib/shared/users/users.schema";
import { FLEET_GROUP, FLEET_USER } from "@/lib/shared/enrollment/agent-rbac";
import type { Principal } from "../auth/principal";
import { forbidden } from "../http/api-error";

/**
 * Who a cluster call is made for. `null` = the console itself (background jobs, shared
 * watches); `FLEET_IDENTITY` = the console applying bundles (its own narrow role).
 */
export type KubeIdentity = UserIdentity | typeof FLEET_IDENTITY | typeof UPGRADE_IDENTITY | null;

/** A console user, impersonated. */
export type UserIdentity = { username: string; role: TRole };

/** The console's fleet identity: bundles are applied as user outpost-fleet, group outpost:fleet. */
export const FLEET_IDENTITY = { fleet: true } as const;

/**
 * The console upgrading k3s (docs/UPGRADES.md): installing system-upgrade-controller binds a
 * service account to cluster-admin, which only cluster-admin may do, so upgrades act as user
 * `outpost-upgrade` in the console's admin group — and only admins may start one.
 */
export const UPGRADE_IDENTITY = { upgrade: true } as const;
export const UPGRADE_USER = "outpost-upgrade";

/**
 * The identity of a console user, for impersonation. `principal.role` is the role on the
 * cluster at hand (routes scope it first, `scopeToCluster`): the impersonated group
 * `outpost:<role>` reflects the user's scope. A principal with no role there never reaches a cluster.
 */
export function identityOf(principal: Pick<Principal, "username" | "role">): UserIdentity {
  if (principal.role === null) throw forbidden("You have no role on this cluster");
  return { username: principal.username, role: principal.role };
}

/** The user name the cluster sees for a console user (its audit log names the person). */
export function impersonatedUser(username: string): string {
  return `outpost:${username}`;
}

/**
 * Kubernetes impersonation headers for a console user: `Impersonate-User: outpost:<name>`,
 * `Impersonate-Group: outpost:<role>` and `system:authenticated` (repeated headers). The
 * import manifest binds the outpost:<role> groups to cluster-admin / edit / view.
 */
export function impersonationHeaders(identity: KubeIdentity): Record<string, string | string[]> {
  if (!identity) return {};
  if ("upgrade" in identity) return { "impersonate-user": UPGRADE_USER, "impersonate-group": ["outpost:admin", "system:authenticated"] };
  if ("fleet" in identity) return { "impersonate-user": FLEET_USER, "impersonate-group": [FLEET_GROUP, "system:authenticated"] };
  return {
    "impersonate-user": impersonatedUser(identity.username),
    "impersonate-group": [`outpost:${identity.role}`, "system:authenticated"],
  };
}
