import type { ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import { isRecord } from "../store/kube-types";
import type { RequestIdentity } from "./authenticate";
import { parseJson, sendJson } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";

/**
 * Create-only review types: SelfSubjectReview (kubectl auth whoami) and access reviews
 * (kubectl auth can-i). RBAC is not enforced, so every access review is allowed.
 */
export function handleReview(_cluster: ClusterState, p: ResourcePath, id: RequestIdentity, res: ServerResponse, body: Buffer): void {
  const input = body.length ? parseJson(body) : {};
  const spec = isRecord(input) && isRecord(input.spec) ? input.spec : {};
  const base = { apiVersion: `${p.type.group}/${p.type.version}`, kind: p.type.kind, metadata: { creationTimestamp: null } };
  if (p.type.kind === "SelfSubjectReview") {
    return sendJson(res, 201, { ...base, status: { userInfo: { username: id.effective.username, ...(id.effective.uid ? { uid: id.effective.uid } : {}), groups: id.effective.groups } } });
  }
  if (p.type.kind === "SelfSubjectRulesReview") {
    return sendJson(res, 201, { ...base, spec, status: { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }], incomplete: false } });
  }
  sendJson(res, 201, { ...base, spec, status: { allowed: true, reason: "simulator does not enforce RBAC" } });
}
