import "server-only";
import type { TRole, TUserRole } from "@/lib/shared/users/users.schema";
import type { AuditActor } from "../audit/record-audit-event";

/** A role held on the clusters of one cluster group (a scoped role binding). */
export interface ScopedGrant {
  role: TRole;
  clusterGroupId: string;
}

/**
 * Everything that decides what a principal reaches (docs/SECURITY.md "Scoped access"):
 * the role held on every cluster, the roles held on cluster groups, and an API token's
 * narrowing. Resolved from the user row, their role bindings and IdP groups on every request.
 */
export interface PrincipalAccess {
  /** Role on every cluster: the user's own role and their global bindings (strongest wins). */
  globalRole: TRole | null;
  grants: ScopedGrant[];
  /** A token narrowed to one cluster group: nothing outside it, no console administration. */
  narrowTo: string | null;
  /** A read-only token: every role counts as viewer and no write is accepted. */
  readOnly: boolean;
}

/** Who is calling: a signed-in user, by session cookie or personal API token. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /**
   * The role that applies here: for console-wide permissions (users, audit, settings, the
   * registry) the global role; on a cluster's own routes (after `scopeToCluster`) the role
   * on that cluster. `null` = none.
   */
  role: TRole | null;
  /** The user row's own role (a change ends their open streams). */
  userRole: TUserRole;
  access: PrincipalAccess;
  mustChangePassword: boolean;
  locale: string | null;
  via: "session" | "token";
  sessionId?: string;
  tokenId?: string;
}

export function auditActorOf(principal: Principal): AuditActor {
  return { id: principal.userId, name: principal.username };
}
