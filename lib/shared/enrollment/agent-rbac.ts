// The Kubernetes objects an import creates before the agent runs: its namespace and
// service account, its own (minimal) permissions, and the groups console users are
// impersonated into. Pure data: the import manifest renders it, and the test helpers
// that attach simulated clusters apply exactly the same objects. docs/SECURITY.md
// explains every rule.

export const AGENT_NAMESPACE = "outpost-system";
export const AGENT_SERVICE_ACCOUNT = "outpost-agent";
export const AGENT_LABELS = { "app.kubernetes.io/name": "outpost-agent", "app.kubernetes.io/managed-by": "outpost" };
/** Groups the console impersonates its users into (one per console role). */
export const CONSOLE_GROUPS = ["outpost:admin", "outpost:operator", "outpost:viewer"] as const;
/** The console's fleet identity: bundles are applied as this user in this group (docs/BUNDLES.md). */
export const FLEET_USER = "outpost-fleet";
export const FLEET_GROUP = "outpost:fleet";

import { BUNDLE_KINDS } from "../bundles/bundle-kinds";

const RBAC = "rbac.authorization.k8s.io";
const READ = ["get", "list", "watch"];

/** The agent's own permissions. */
function agentClusterRole() {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: "ClusterRole",
    metadata: { name: "outpost-agent", labels: AGENT_LABELS },
    rules: [
      // Console users act as themselves: the agent forwards their requests impersonated,
      // and may only put them in the console's groups (never system:masters).
      { apiGroups: [""], resources: ["users"], verbs: ["impersonate"] },
      { apiGroups: [""], resources: ["groups"], verbs: ["impersonate"], resourceNames: [...CONSOLE_GROUPS, FLEET_GROUP, "system:authenticated"] },
      // Shared caches and the fleet health summary (read-only; no Secrets, no ConfigMaps).
      { apiGroups: [""], resources: ["nodes", "pods", "services", "endpoints", "namespaces", "events"], verbs: READ },
      { apiGroups: ["apps"], resources: ["deployments", "replicasets", "daemonsets", "statefulsets"], verbs: READ },
      { apiGroups: ["batch"], resources: ["jobs"], verbs: READ },
      { apiGroups: ["events.k8s.io"], resources: ["events"], verbs: READ },
      { apiGroups: ["devices.kubeedge.io"], resources: ["devices", "devicemodels"], verbs: READ },
      // The resource explorer's discovery cache is dropped when a CRD comes or goes (definitions only, no custom objects).
      { apiGroups: ["apiextensions.k8s.io"], resources: ["customresourcedefinitions"], verbs: READ },
      // EdgeX health goes through the service proxy (GET only).
      { apiGroups: [""], resources: ["services/proxy"], verbs: ["get"] },
      { nonResourceURLs: ["/version", "/readyz", "/livez", "/healthz"], verbs: ["get"] },
    ],
  };
}

/**
 * What bundles may do on a cluster: manage the kinds a bundle can carry (the same table
 * the console validates revisions against) and read pods for the health of a wave. No
 * RBAC, no CRDs, no Secrets: a bundle cannot widen anybody's rights.
 */
function fleetClusterRole() {
  const byGroup = new Map<string, string[]>();
  for (const k of BUNDLE_KINDS) byGroup.set(k.group, [...(byGroup.get(k.group) ?? []), k.plural]);
  return {
    apiVersion: `${RBAC}/v1`,
    kind: "ClusterRole",
    metadata: { name: FLEET_GROUP, labels: AGENT_LABELS },
    rules: [
      ...[...byGroup].map(([group, resources]) => ({ apiGroups: [group], resources, verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] })),
      { apiGroups: [""], resources: ["pods"], verbs: READ },
    ],
  };
}

function bind(name: string, role: string, group: string) {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: "ClusterRoleBinding",
    metadata: { name, labels: AGENT_LABELS },
    roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: role },
    subjects: [{ apiGroup: RBAC, kind: "Group", name: group }],
  };
}

function nodeAccess(name: string, verbs: string[]) {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: "ClusterRole",
    metadata: { name, labels: AGENT_LABELS },
    rules: [
      { apiGroups: [""], resources: ["nodes", "namespaces"], verbs },
      { apiGroups: ["devices.kubeedge.io"], resources: ["devices", "devicemodels"], verbs: READ },
    ],
  };
}

/**
 * Namespace, service account and every RBAC object of an import, in apply order: the
 * agent's ClusterRole and binding, its Role for its own credential Secret, and the console
 * groups bound to built-in roles (admin → cluster-admin, operator → edit, viewer → view,
 * plus node and KubeEdge device access the built-in roles lack).
 */
export function agentAccessObjects(): Array<Record<string, unknown>> {
  const agent = { kind: "ServiceAccount", name: AGENT_SERVICE_ACCOUNT, namespace: AGENT_NAMESPACE };
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: AGENT_NAMESPACE, labels: AGENT_LABELS } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: AGENT_SERVICE_ACCOUNT, namespace: AGENT_NAMESPACE, labels: AGENT_LABELS } },
    agentClusterRole(),
    {
      apiVersion: `${RBAC}/v1`,
      kind: "ClusterRoleBinding",
      metadata: { name: "outpost-agent", labels: AGENT_LABELS },
      roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "outpost-agent" },
      subjects: [agent],
    },
    {
      // The agent keeps its credential in a Secret of its own namespace.
      apiVersion: `${RBAC}/v1`,
      kind: "Role",
      metadata: { name: "outpost-agent-state", namespace: AGENT_NAMESPACE, labels: AGENT_LABELS },
      rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "create", "update", "patch"] }],
    },
    {
      apiVersion: `${RBAC}/v1`,
      kind: "RoleBinding",
      metadata: { name: "outpost-agent-state", namespace: AGENT_NAMESPACE, labels: AGENT_LABELS },
      roleRef: { apiGroup: RBAC, kind: "Role", name: "outpost-agent-state" },
      subjects: [agent],
    },
    nodeAccess("outpost:operator-nodes", ["get", "list", "watch", "patch"]),
    nodeAccess("outpost:viewer-nodes", READ),
    bind("outpost:admin", "cluster-admin", "outpost:admin"),
    bind("outpost:operator", "edit", "outpost:operator"),
    bind("outpost:operator-nodes", "outpost:operator-nodes", "outpost:operator"),
    bind("outpost:viewer", "view", "outpost:viewer"),
    bind("outpost:viewer-nodes", "outpost:viewer-nodes", "outpost:viewer"),
    fleetClusterRole(),
    bind(FLEET_GROUP, FLEET_GROUP, FLEET_GROUP),
  ];
}
