import type { UserInfo } from "../cluster/cluster-state";

/** rbac.authorization.k8s.io/v1 PolicyRule. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** rbac.authorization.k8s.io/v1 Subject. */
export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

/**
 * What the authorizer is asked, as kube-apiserver's RequestInfo describes a request:
 * a resource request (verb, group, resource, subresource, namespace, name) or a
 * non-resource one (verb, path).
 */
export type RequestAttributes =
  | { resourceRequest: true; verb: string; group: string; resource: string; subresource: string; namespace: string; name: string }
  | { resourceRequest: false; verb: string; path: string };

function has(list: string[] | undefined, value: string): boolean {
  if (!Array.isArray(list)) return false;
  for (const v of list) if (v === "*" || v === value) return true;
  return false;
}

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  if (!Array.isArray(rule.resources)) return false;
  for (const r of rule.resources) {
    if (r === "*" || r === combined) return true;
    // "*/log" matches the log subresource of every resource.
    if (subresource && r.length === subresource.length + 2 && r.startsWith("*/") && r.endsWith(subresource)) return true;
  }
  return false;
}

function urlMatches(rule: PolicyRule, path: string): boolean {
  if (!Array.isArray(rule.nonResourceURLs)) return false;
  for (const u of rule.nonResourceURLs) {
    if (u === "*" || u === path) return true;
    if (u.endsWith("*") && path.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}

/** Whether one rule allows the request (the RBAC authorizer's RuleAllows). */
export function ruleAllows(a: RequestAttributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) return urlMatches(rule, a.path);
  if (!has(rule.apiGroups, a.group)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!resourceMatches(rule, combined, a.subresource)) return false;
  const names = rule.resourceNames;
  return !Array.isArray(names) || names.length === 0 || names.includes(a.name);
}

/** Whether a binding subject names this user (service accounts default to the binding's namespace). */
export function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string): boolean {
  switch (s.kind) {
    case "User":
      return user.username === s.name;
    case "Group":
      return user.groups.includes(s.name);
    case "ServiceAccount": {
      const ns = s.namespace || bindingNamespace;
      return ns !== "" && user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

/** How the apiserver names a subject in "allowed by" reasons. */
export function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === "ServiceAccount") return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}
