import type { UserInfo } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import type { ObjectStore } from "../store/object-store";
import { describeSubject, ruleAllows, subjectMatches, type PolicyRule, type RequestAttributes, type Subject } from "./policy-rule";

export const RBAC_STORAGES = ["rbac.authorization.k8s.io/roles", "rbac.authorization.k8s.io/rolebindings", "rbac.authorization.k8s.io/clusterroles", "rbac.authorization.k8s.io/clusterrolebindings"];
/** Members are allowed everything before RBAC is asked (the apiserver's privileged-group authorizer). */
const PRIVILEGED_GROUP = "system:masters";
const MAX_SUBJECTS = 4096;

/** A rule with the binding that grants it (for "allowed by" reasons). */
interface GrantedRule {
  rule: PolicyRule;
  source: string;
}

/** Everything one subject (user + groups) may do, compiled once from the bindings. */
interface CompiledSubject {
  privileged: boolean;
  cluster: GrantedRule[];
  namespaced: Map<string, GrantedRule[]>;
  /** Bindings of this subject whose role does not exist (reported like the apiserver). */
  clusterErrors: string[];
  namespaceErrors: Map<string, string[]>;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

interface Binding extends KubeObject {
  roleRef?: { kind?: string; name?: string };
  subjects?: Subject[];
}

function subjectOf(b: Binding, user: UserInfo, ns: string): Subject | undefined {
  if (!Array.isArray(b.subjects)) return undefined;
  return b.subjects.find((s) => s !== null && typeof s === "object" && subjectMatches(s, user, ns));
}

function rulesOf(o: KubeObject | undefined): PolicyRule[] {
  const rules = (o as { rules?: PolicyRule[] | null } | undefined)?.rules;
  return Array.isArray(rules) ? rules : [];
}

/**
 * kube-apiserver's RBAC authorizer for one cluster. A subject's rules (ClusterRoleBindings
 * everywhere, RoleBindings per namespace) are compiled on first use and kept until any
 * Role, ClusterRole or binding changes.
 */
export class RbacAuthorizer {
  private readonly compiled = new Map<string, CompiledSubject>();

  constructor(private readonly store: ObjectStore) {
    for (const storage of RBAC_STORAGES) store.subscribe(storage, () => this.compiled.clear());
  }

  /** The decision for `user` (effective identity) on `a`. */
  authorize(user: UserInfo, a: RequestAttributes): Decision {
    const c = this.compile(user);
    if (c.privileged) return { allowed: true, reason: "" };
    for (const g of c.cluster) if (ruleAllows(a, g.rule)) return { allowed: true, reason: `RBAC: allowed by ${g.source}` };
    const ns = a.resourceRequest ? a.namespace : "";
    if (ns) for (const g of c.namespaced.get(ns) ?? []) if (ruleAllows(a, g.rule)) return { allowed: true, reason: `RBAC: allowed by ${g.source}` };
    const errors = [...c.clusterErrors, ...(ns ? (c.namespaceErrors.get(ns) ?? []) : [])];
    return { allowed: false, reason: errors.length === 0 ? "" : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}` };
  }

  /**
   * The rules that apply to `user` in `namespace` (SelfSubjectRulesReview, escalation checks),
   * with the bindings whose role is missing (the rule resolver's errors).
   */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; privileged: boolean; errors: string[] } {
    const c = this.compile(user);
    const rules = c.cluster.map((g) => g.rule);
    if (namespace) for (const g of c.namespaced.get(namespace) ?? []) rules.push(g.rule);
    return { rules, privileged: c.privileged, errors: [...c.clusterErrors, ...(namespace ? (c.namespaceErrors.get(namespace) ?? []) : [])] };
  }

  private compile(user: UserInfo): CompiledSubject {
    const key = `${user.username}\u0000${user.groups.join("\u0000")}`;
    let c = this.compiled.get(key);
    if (c) return c;
    c = { privileged: user.groups.includes(PRIVILEGED_GROUP), cluster: [], namespaced: new Map(), clusterErrors: [], namespaceErrors: new Map() };
    for (const b of this.store.list("rbac.authorization.k8s.io/clusterrolebindings") as Binding[]) {
      const subject = subjectOf(b, user, "");
      if (!subject) continue;
      const name = b.roleRef?.name ?? "";
      const role = b.roleRef?.kind === "ClusterRole" ? this.store.get("rbac.authorization.k8s.io/clusterroles", undefined, name) : undefined;
      if (!role) {
        c.clusterErrors.push(`clusterrole.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`);
        continue;
      }
      const source = `ClusterRoleBinding ${JSON.stringify(b.metadata.name)} of ClusterRole ${JSON.stringify(name)} to ${describeSubject(subject, "")}`;
      for (const rule of rulesOf(role)) c.cluster.push({ rule, source });
    }
    for (const b of this.store.list("rbac.authorization.k8s.io/rolebindings") as Binding[]) {
      const ns = b.metadata.namespace ?? "";
      const subject = subjectOf(b, user, ns);
      if (!subject) continue;
      const kind = b.roleRef?.kind ?? "";
      const name = b.roleRef?.name ?? "";
      const role = kind === "ClusterRole" ? this.store.get("rbac.authorization.k8s.io/clusterroles", undefined, name) : kind === "Role" ? this.store.get("rbac.authorization.k8s.io/roles", ns, name) : undefined;
      if (!role) {
        const errs = c.namespaceErrors.get(ns) ?? [];
        errs.push(`${kind.toLowerCase() || "role"}.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`);
        c.namespaceErrors.set(ns, errs);
        continue;
      }
      const source = `RoleBinding ${JSON.stringify(`${b.metadata.name}/${ns}`)} of ${kind} ${JSON.stringify(name)} to ${describeSubject(subject, ns)}`;
      const list = c.namespaced.get(ns) ?? [];
      for (const rule of rulesOf(role)) list.push({ rule, source });
      c.namespaced.set(ns, list);
    }
    if (this.compiled.size >= MAX_SUBJECTS) this.compiled.clear();
    this.compiled.set(key, c);
    return c;
  }
}
