import type { BootstrapRole } from "./bootstrap-roles";
import type { PolicyRule } from "./policy-rule";

// The RBAC objects a k3s v1.31 server adds to the upstream defaults: its own controllers'
// roles and the packaged components' (CoreDNS, local-path-provisioner, metrics-server).

function r(groups: string[], resources: string[], verbs: string[]): PolicyRule {
  return { apiGroups: groups, resources, verbs };
}
const READ = ["get", "list", "watch"];

export const K3S_CLUSTER_ROLES: BootstrapRole[] = [
  { name: "system:k3s-controller", rules: [r([""], ["nodes"], ["get"]), r([""], ["namespaces"], ["list", "watch"]), r(["networking.k8s.io"], ["networkpolicies"], ["list", "watch"]), r([""], ["endpoints", "pods"], ["list", "get", "watch"])] },
  {
    name: "k3s-cloud-controller-manager",
    rules: [
      r(["coordination.k8s.io"], ["leases"], ["get", "create", "update"]),
      r([""], ["events"], ["create", "patch", "update"]),
      r([""], ["nodes"], ["*"]),
      r([""], ["nodes/status"], ["patch"]),
      r([""], ["services"], ["list", "patch", "update", "watch"]),
      r([""], ["serviceaccounts"], ["create"]),
      r([""], ["persistentvolumes"], ["get", "list", "update", "watch"]),
    ],
  },
  { name: "system:coredns", rules: [r([""], ["endpoints", "services", "pods", "namespaces"], ["list", "watch"]), r(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])] },
  {
    name: "local-path-provisioner-role",
    rules: [
      r([""], ["nodes", "persistentvolumeclaims", "configmaps", "pods", "pods/log"], READ),
      r([""], ["persistentvolumes"], ["get", "list", "watch", "create", "patch", "update", "delete"]),
      r([""], ["events"], ["create", "patch"]),
      r(["storage.k8s.io"], ["storageclasses"], READ),
    ],
  },
  { name: "system:metrics-server", rules: [r([""], ["nodes/metrics"], ["get"]), r([""], ["pods", "nodes"], READ)] },
  {
    name: "system:aggregated-metrics-reader",
    labels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true", "rbac.authorization.k8s.io/aggregate-to-edit": "true", "rbac.authorization.k8s.io/aggregate-to-view": "true" },
    rules: [r(["metrics.k8s.io"], ["pods", "nodes"], READ)],
  },
];

/** k3s ClusterRoleBindings: [name, role, subjects]. */
export const K3S_BINDINGS: Array<[string, string, string[]]> = [
  ["system:k3s-controller", "system:k3s-controller", ["User:system:k3s-controller"]],
  ["kube-apiserver-kubelet-admin", "system:kubelet-api-admin", ["User:kube-apiserver"]],
  ["k3s-cloud-controller-manager", "k3s-cloud-controller-manager", ["User:k3s-cloud-controller-manager"]],
  ["system:coredns", "system:coredns", ["ServiceAccount:kube-system/coredns"]],
  ["local-path-provisioner-bind", "local-path-provisioner-role", ["ServiceAccount:kube-system/local-path-provisioner-service-account"]],
  ["system:metrics-server", "system:metrics-server", ["ServiceAccount:kube-system/metrics-server"]],
  ["metrics-server:system:auth-delegator", "system:auth-delegator", ["ServiceAccount:kube-system/metrics-server"]],
  ["helm-kube-system-traefik", "cluster-admin", ["ServiceAccount:kube-system/helm-traefik"]],
  ["helm-kube-system-traefik-crd", "cluster-admin", ["ServiceAccount:kube-system/helm-traefik-crd"]],
];
