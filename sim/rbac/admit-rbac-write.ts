import { ApiError } from "../api/status";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { describeMissing, quotedList, uncoveredRules } from "./policy-covers";
import type { PolicyRule } from "./policy-rule";

// kube-apiserver's RBAC storage (registry/rbac/*/policybased) refuses privilege escalation:
// a Role or ClusterRole may only grant what its author holds, unless the author may
// `escalate` it; a binding may only grant its role's rules the author holds, unless the
// author may `bind` that role. system:masters skips both checks. An update that changes
// only ownerReferences/finalizers (the garbage collector's fields) is not checked.

const RBAC_GROUP = "rbac.authorization.k8s.io";
const PRIVILEGED_GROUP = "system:masters";
const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ["*"], apiGroups: ["*"], resources: ["*"] },
  { verbs: ["*"], nonResourceURLs: ["*"] },
];

function forbidden(t: ResourceType, name: string, reason: string): ApiError {
  const qualified = `${t.plural}.${RBAC_GROUP}`;
  return new ApiError(403, `${name ? `${qualified} ${JSON.stringify(name)}` : qualified} is forbidden: ${reason}`, "Forbidden", { name: name || undefined, group: RBAC_GROUP, kind: t.plural });
}

/** What the object holds apart from the garbage collector's fields and server-set metadata. */
function withoutGcFields(o: KubeObject): string {
  const { ownerReferences: _o, finalizers: _f, resourceVersion: _r, managedFields: _m, generation: _g, uid: _u, creationTimestamp: _c, ...meta } = o.metadata as Record<string, unknown>;
  return JSON.stringify({ ...o, metadata: meta });
}

function allowed(cluster: ClusterState, user: UserInfo, verb: string, resource: string, namespace: string, name: string): boolean {
  return cluster.rbac.authorize(user, { resourceRequest: true, verb, group: RBAC_GROUP, resource, subresource: "", namespace, name }).allowed;
}

/** Throws the apiserver's Forbidden when `user` lacks some of `rules` in `namespace`. */
function confirmNoEscalation(cluster: ClusterState, user: UserInfo, namespace: string, rules: PolicyRule[], refuse: (reason: string) => ApiError): void {
  const owner = cluster.rbac.rulesFor(user, namespace);
  const missing = uncoveredRules(owner.rules, rules);
  if (missing.length === 0) return;
  let msg = `user ${JSON.stringify(user.username)} (groups=${quotedList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${describeMissing(missing)}`;
  if (owner.errors.length > 0) msg += `; resolution errors: [${owner.errors.join(" ")}]`;
  throw refuse(msg);
}

const rulesOf = (o: KubeObject | undefined): PolicyRule[] => {
  const r = (o as { rules?: unknown } | undefined)?.rules;
  return Array.isArray(r) ? (r as PolicyRule[]) : [];
};
const hasAggregation = (o: KubeObject | undefined): boolean => (o as { aggregationRule?: unknown } | undefined)?.aggregationRule != null;

/**
 * Admits a create (`old` undefined) or update of an RBAC object by `user`, as the
 * apiserver's RBAC storage does before validation; throws 403 (or 404 for a binding to a
 * missing role the user may not bind).
 */
export function admitRbacWrite(cluster: ClusterState, user: UserInfo, t: ResourceType, namespace: string, obj: KubeObject, old: KubeObject | undefined): void {
  if (!cluster.rt.rbac || t.group !== RBAC_GROUP || t.custom) return;
  if (user.groups.includes(PRIVILEGED_GROUP)) return;
  if (old && withoutGcFields(obj) === withoutGcFields(old)) return;
  const name = obj.metadata.name ?? "";
  const refuse = (reason: string): ApiError => forbidden(t, name, reason);
  if (t.kind === "Role" || t.kind === "ClusterRole") {
    // The escalate check names the object only on update (a create's URL has no name).
    if (allowed(cluster, user, "escalate", t.plural, namespace, old ? name : "")) return;
    confirmNoEscalation(cluster, user, namespace, rulesOf(obj), refuse);
    if (t.kind === "ClusterRole" && (hasAggregation(obj) || hasAggregation(old))) {
      confirmNoEscalation(cluster, user, "", FULL_AUTHORITY, () => refuse("must have cluster-admin privileges to use the aggregationRule"));
    }
    return;
  }
  if (t.kind !== "RoleBinding" && t.kind !== "ClusterRoleBinding") return;
  const ref = (obj as { roleRef?: { kind?: unknown; name?: unknown } }).roleRef;
  const refKind = typeof ref?.kind === "string" ? ref.kind : "";
  const refName = typeof ref?.name === "string" ? ref.name : "";
  // Anything else is refused by validation (422).
  if (refKind !== "Role" && refKind !== "ClusterRole") return;
  const refResource = refKind === "Role" ? "roles" : "clusterroles";
  if (allowed(cluster, user, "bind", refResource, namespace, refName)) return;
  const role = refKind === "Role" ? cluster.store.get(`${RBAC_GROUP}/roles`, namespace, refName) : cluster.store.get(`${RBAC_GROUP}/clusterroles`, undefined, refName);
  if (!role) throw new ApiError(404, `${refResource}.${RBAC_GROUP} ${JSON.stringify(refName)} not found`, "NotFound", { name: refName, group: RBAC_GROUP, kind: refResource });
  confirmNoEscalation(cluster, user, namespace, rulesOf(role), refuse);
}
