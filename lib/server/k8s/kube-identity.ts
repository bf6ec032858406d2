import "server-only";
import type { TRole } from "@/lib/shared/users/users.schema";
import type { Principal } from "../auth/principal";

/** Who a cluster call is made for. `null` = the console itself (background jobs, shared watches). */
export type KubeIdentity = { username: string; role: TRole } | null;

/** The identity of a console user, for impersonation. */
export function identityOf(principal: Pick<Principal, "username" | "role">): KubeIdentity {
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
  return {
    "impersonate-user": impersonatedUser(identity.username),
    "impersonate-group": [`outpost:${identity.role}`, "system:authenticated"],
  };
}
