import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import type { AuditEntry } from "../types";
import { authenticate, type RequestIdentity } from "./authenticate";

/** Records `entry` in the cluster's audit log, with the response's status, when the response ends. */
export function auditWhenFinished(cluster: ClusterState, res: ServerResponse, entry: AuditEntry): void {
  res.once("finish", () => {
    entry.code = res.statusCode;
    cluster.recordAudit(entry);
  });
}

/**
 * Authenticates a request like kube-apiserver and writes who made it into its audit entry
 * (user and groups, and whom it impersonates). Throws the apiserver's 401 Status.
 */
export function authenticateAudited(cluster: ClusterState, req: IncomingMessage, entry: AuditEntry): RequestIdentity {
  const id = authenticate(cluster, req);
  entry.user = id.authenticated.username;
  entry.groups = id.authenticated.groups;
  if (id.impersonated) {
    entry.impersonatedUser = id.effective.username;
    entry.impersonatedGroups = id.effective.groups;
  }
  return id;
}
