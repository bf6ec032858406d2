import type { RequestIdentity } from "../api/authenticate";
import type { ClusterState } from "../cluster/cluster-state";

/** What an exec/attach/port-forward request asks to do, for the authorizer. */
export interface StreamAttributes {
  verb: string;
  namespace: string;
  name: string;
  subresource: string;
}

/** Authorises `pods/<sub>` for the effective identity; throws a Forbidden ApiError when refused. */
export function authorizeStream(_cluster: ClusterState, _id: RequestIdentity, _attrs: StreamAttributes): void {
  // The simulator does not enforce RBAC yet (docs/SIMULATOR.md); streams follow the same rule as every other request.
}
