import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import type { RequestAttributes } from "../rbac/policy-rule";
import { forbiddenMessage } from "./request-attributes";
import { ApiError } from "./status";

/** 403 Forbidden worded exactly like kube-apiserver (`pods is forbidden: User "u" cannot list …`). */
export function forbidden(username: string, a: RequestAttributes, reason: string): ApiError {
  const message = forbiddenMessage(username, a);
  const details = a.resourceRequest && a.resource ? { name: a.name || undefined, group: a.group || undefined, kind: a.resource } : undefined;
  return new ApiError(403, reason ? `${message}: ${reason}` : message, "Forbidden", details);
}

/**
 * Authorises `a` for `user` with the cluster's RBAC (the privileged group system:masters
 * first); throws Forbidden otherwise. A no-op when the simulator runs with RBAC off
 * (benchmarks only).
 */
export function authorizeRequest(cluster: ClusterState, user: UserInfo, a: RequestAttributes): void {
  if (!cluster.rt.rbac) return;
  const d = cluster.rbac.authorize(user, a);
  if (!d.allowed) throw forbidden(user.username, a, d.reason);
}
