import type { ClusterState } from "../cluster/cluster-state";
import { createObject } from "../cluster/object-writes";
import type { KubeObject } from "../store/kube-types";
import { CONTROLLER_ROLES, UPSTREAM_BINDINGS, UPSTREAM_CLUSTER_ROLES, type BootstrapRole } from "./bootstrap-roles";
import { K3S_BINDINGS, K3S_CLUSTER_ROLES } from "./k3s-roles";
import type { Subject } from "./policy-rule";

const RBAC = "rbac.authorization.k8s.io";
const DEFAULTS = { labels: { "kubernetes.io/bootstrapping": "rbac-defaults" }, annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" } };

function subject(spec: string): Subject {
  const [kind, name] = [spec.slice(0, spec.indexOf(":")), spec.slice(spec.indexOf(":") + 1)];
  if (kind === "ServiceAccount") {
    const [namespace, sa] = name.split("/");
    return { kind, name: sa ?? "", namespace };
  }
  return { kind, apiGroup: RBAC, name };
}

function create(cluster: ClusterState, kind: "ClusterRole" | "ClusterRoleBinding", body: Record<string, unknown> & { metadata: Record<string, unknown> }): void {
  const t = cluster.registry.byKind(`${RBAC}/v1`, kind);
  if (!t) throw new Error(`sim: ${kind} is not registered`);
  if (cluster.store.get(t.storage, undefined, String(body.metadata.name))) return;
  createObject(cluster, t, { apiVersion: `${RBAC}/v1`, kind, ...body } as unknown as KubeObject);
}

function role(cluster: ClusterState, r: BootstrapRole, upstream: boolean): void {
  const labels = { ...(upstream ? DEFAULTS.labels : {}), ...r.labels };
  const metadata = { name: r.name, labels, ...(upstream ? { annotations: DEFAULTS.annotations } : {}) };
  const aggregationRule = r.aggregateFrom ? { clusterRoleSelectors: [{ matchLabels: { [r.aggregateFrom]: "true" } }] } : undefined;
  create(cluster, "ClusterRole", { metadata, ...(aggregationRule ? { aggregationRule } : {}), rules: r.rules });
}

function binding(cluster: ClusterState, name: string, roleName: string, subjects: string[], upstream: boolean): void {
  const metadata = { name, ...(upstream ? DEFAULTS : {}) };
  create(cluster, "ClusterRoleBinding", { metadata, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: roleName }, subjects: subjects.map(subject) });
}

/**
 * The RBAC objects every simulated cluster starts with: kube-apiserver's bootstrap policy
 * (default ClusterRoles, controller roles, their bindings) and what a k3s server adds.
 * admin, edit and view start empty and are filled by the aggregation controller.
 */
export function seedBootstrapPolicy(cluster: ClusterState): void {
  for (const r of UPSTREAM_CLUSTER_ROLES) role(cluster, r, true);
  for (const [name, subjects] of UPSTREAM_BINDINGS) binding(cluster, name, name, subjects, true);
  for (const r of CONTROLLER_ROLES) {
    role(cluster, { ...r, name: `system:controller:${r.name}` }, true);
    binding(cluster, `system:controller:${r.name}`, `system:controller:${r.name}`, [`ServiceAccount:kube-system/${r.name}`], true);
  }
  for (const r of K3S_CLUSTER_ROLES) role(cluster, r, false);
  for (const [name, roleName, subjects] of K3S_BINDINGS) binding(cluster, name, roleName, subjects, false);
}
