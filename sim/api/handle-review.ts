import type { ServerResponse } from "node:http";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import type { PolicyRule, RequestAttributes } from "../rbac/policy-rule";
import { isRecord } from "../store/kube-types";
import type { RequestIdentity } from "./authenticate";
import { parseJson, sendJson } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";
import { ApiError, invalid } from "./status";

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The attributes a SubjectAccessReview spec asks about (422 unless exactly one kind is given). */
function specAttributes(kind: string, spec: Record<string, unknown>): RequestAttributes {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if (isRecord(ra) === isRecord(nra)) {
    throw invalid(kind, "authorization.k8s.io", "", [{ field: "spec.resourceAttributes", reason: "FieldValueInvalid", message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified' }]);
  }
  if (isRecord(nra)) return { resourceRequest: false, verb: str(nra.verb), path: str(nra.path) };
  const r = ra as Record<string, unknown>;
  return { resourceRequest: true, verb: str(r.verb), group: str(r.group), resource: str(r.resource), subresource: str(r.subresource), namespace: str(r.namespace), name: str(r.name) };
}

function accessStatus(cluster: ClusterState, user: UserInfo, a: RequestAttributes): Record<string, unknown> {
  if (!cluster.rt.rbac) return { allowed: true };
  const d = cluster.rbac.authorize(user, a);
  return d.reason ? { allowed: d.allowed, reason: d.reason } : { allowed: d.allowed };
}

function rulesStatus(cluster: ClusterState, user: UserInfo, namespace: string): Record<string, unknown> {
  const { rules, privileged } = cluster.rt.rbac ? cluster.rbac.rulesFor(user, namespace) : { rules: [], privileged: true };
  const all: PolicyRule[] = privileged ? [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }, { verbs: ["*"], nonResourceURLs: ["*"] }, ...rules] : rules;
  const resourceRules = all.filter((r) => !r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) }));
  const nonResourceRules = all.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
  return { resourceRules, nonResourceRules, incomplete: false };
}

/**
 * Create-only review types, answered from the cluster's RBAC authorizer: SelfSubjectReview
 * (kubectl auth whoami), SelfSubjectAccessReview (kubectl auth can-i), SelfSubjectRulesReview
 * (can-i --list), SubjectAccessReview and LocalSubjectAccessReview (for any user).
 */
export function handleReview(cluster: ClusterState, p: ResourcePath, id: RequestIdentity, res: ServerResponse, body: Buffer): void {
  const input = body.length ? parseJson(body) : {};
  const spec = isRecord(input) && isRecord(input.spec) ? input.spec : {};
  const metadata = isRecord(input) && isRecord(input.metadata) ? input.metadata : {};
  const base = { apiVersion: `${p.type.group}/${p.type.version}`, kind: p.type.kind, metadata: { ...metadata, creationTimestamp: null } };
  const me = id.effective;
  switch (p.type.kind) {
    case "SelfSubjectReview":
      return sendJson(res, 201, { ...base, status: { userInfo: { username: me.username, ...(me.uid ? { uid: me.uid } : {}), groups: me.groups } } });
    case "SelfSubjectRulesReview":
      return sendJson(res, 201, { ...base, spec, status: rulesStatus(cluster, me, str(spec.namespace)) });
    case "SelfSubjectAccessReview":
      return sendJson(res, 201, { ...base, spec, status: accessStatus(cluster, me, specAttributes(p.type.kind, spec)) });
    case "SubjectAccessReview":
    case "LocalSubjectAccessReview": {
      const a = specAttributes(p.type.kind, spec);
      if (p.type.kind === "LocalSubjectAccessReview" && (!a.resourceRequest || a.namespace !== p.namespace)) {
        throw new ApiError(400, `spec.resourceAttributes.namespace must match namespace: ${p.namespace ?? ""}`);
      }
      if (!str(spec.user) && !Array.isArray(spec.groups)) {
        throw invalid(p.type.kind, "authorization.k8s.io", "", [{ field: "spec.user", reason: "FieldValueInvalid", message: 'Invalid value: "": at least one of user or group must be specified' }]);
      }
      const groups = Array.isArray(spec.groups) ? spec.groups.filter((g): g is string => typeof g === "string") : [];
      const subject: UserInfo = { username: str(spec.user), groups, uid: str(spec.uid) || undefined };
      return sendJson(res, 201, { ...base, spec, status: accessStatus(cluster, subject, a) });
    }
    default:
      throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
  }
}
