import { authorizeRequest } from "../api/authorize-request";
import type { RequestIdentity } from "../api/authenticate";
import type { ClusterState } from "../cluster/cluster-state";

/** What an exec/attach/port-forward request asks to do, for the authorizer. */
export interface StreamAttributes {
  verb: string;
  namespace: string;
  name: string;
  subresource: string;
}

/** Authorises `pods/<sub>` for the effective identity with the cluster's RBAC; throws a Forbidden ApiError when refused. */
export function authorizeStream(cluster: ClusterState, id: RequestIdentity, attrs: StreamAttributes): void {
  authorizeRequest(cluster, id.effective, { resourceRequest: true, verb: attrs.verb, group: "", resource: "pods", subresource: attrs.subresource, namespace: attrs.namespace, name: attrs.name });
}
