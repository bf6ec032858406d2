import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject, LabelSelector } from "../store/kube-types";
import { selectorMatches } from "../store/selectors";
import type { PolicyRule } from "./policy-rule";

const STORAGE = "rbac.authorization.k8s.io/clusterroles";

interface ClusterRoleObject extends KubeObject {
  aggregationRule?: { clusterRoleSelectors?: LabelSelector[] };
  rules?: PolicyRule[] | null;
}

/**
 * The clusterrole-aggregation controller: the rules of a ClusterRole with an
 * aggregationRule are the union (in name order, duplicates dropped) of the rules of every
 * other ClusterRole its selectors match — so admin, edit and view grow with the CRDs'
 * `aggregate-to-*` roles like upstream.
 */
export function aggregateClusterRoles(cluster: ClusterState): void {
  const roles = cluster.store.list(STORAGE) as ClusterRoleObject[];
  for (const target of roles) {
    const selectors = target.aggregationRule?.clusterRoleSelectors;
    if (!Array.isArray(selectors)) continue;
    const rules: PolicyRule[] = [];
    const seen = new Set<string>();
    for (const source of roles) {
      if (source.metadata.name === target.metadata.name) continue;
      if (!selectors.some((s) => selectorMatches(s, source.metadata.labels))) continue;
      for (const rule of Array.isArray(source.rules) ? source.rules : []) {
        const key = JSON.stringify(rule);
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push(rule);
      }
    }
    if (JSON.stringify(rules) === JSON.stringify(target.rules ?? [])) continue;
    cluster.store.commit(STORAGE, "MODIFIED", { ...target, rules } as KubeObject);
  }
}

/** Runs the aggregation now and after every ClusterRole change. */
export function startClusterRoleAggregation(cluster: ClusterState): void {
  cluster.store.subscribe(STORAGE, () => cluster.enqueue("rbac/aggregate-cluster-roles", () => aggregateClusterRoles(cluster)));
}
