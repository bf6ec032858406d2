import type { PolicyRule } from "./policy-rule";

// The ClusterRoles kube-apiserver 1.31 creates at start (its RBAC bootstrap policy), with
// their rules. `r(groups, resources, verbs, names?)` and `u(urls, verbs)` take
// space-separated lists; "core" stands for the core group "".

function list(s: string): string[] {
  return s.split(" ").filter(Boolean).map((x) => (x === "core" ? "" : x));
}
function r(groups: string, resources: string, verbs: string, names?: string): PolicyRule {
  return { apiGroups: list(groups), resources: list(resources), verbs: list(verbs), ...(names ? { resourceNames: list(names) } : {}) };
}
function u(urls: string, verbs: string): PolicyRule {
  return { nonResourceURLs: list(urls), verbs: list(verbs) };
}

export interface BootstrapRole {
  name: string;
  rules: PolicyRule[];
  labels?: Record<string, string>;
  /** Label keys of `rbac.authorization.k8s.io/aggregate-to-*` this role collects. */
  aggregateFrom?: string;
}

const READ = "get list watch";
const WRITE = "create delete deletecollection patch update";
const EVENTS = r("core events.k8s.io", "events", "create patch update");
const to = (role: string): Record<string, string> => ({ [`rbac.authorization.k8s.io/aggregate-to-${role}`]: "true" });

/** Upstream default ClusterRoles (label `kubernetes.io/bootstrapping: rbac-defaults`). */
export const UPSTREAM_CLUSTER_ROLES: BootstrapRole[] = [
  { name: "cluster-admin", rules: [r("*", "*", "*"), u("*", "*")] },
  { name: "admin", rules: [], aggregateFrom: "rbac.authorization.k8s.io/aggregate-to-admin" },
  { name: "edit", rules: [], labels: to("admin"), aggregateFrom: "rbac.authorization.k8s.io/aggregate-to-edit" },
  { name: "view", rules: [], labels: to("edit"), aggregateFrom: "rbac.authorization.k8s.io/aggregate-to-view" },
  { name: "system:aggregate-to-admin", labels: to("admin"), rules: [r("authorization.k8s.io", "localsubjectaccessreviews", "create"), r("rbac.authorization.k8s.io", "rolebindings roles", `${WRITE} get list watch`)] },
  {
    name: "system:aggregate-to-edit",
    labels: to("edit"),
    rules: [
      r("core", "pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy", READ),
      r("core", "serviceaccounts", "impersonate"),
      r("core", "pods pods/attach pods/exec pods/portforward pods/proxy", WRITE),
      r("core", "pods/eviction", "create"),
      r("core", "configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy", WRITE),
      r("core", "serviceaccounts/token", "create"),
      r("apps", "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale", WRITE),
      r("autoscaling", "horizontalpodautoscalers", WRITE),
      r("batch", "cronjobs jobs", WRITE),
      r("extensions", "daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale", WRITE),
      r("policy", "poddisruptionbudgets", WRITE),
      r("networking.k8s.io", "ingresses networkpolicies", WRITE),
      r("coordination.k8s.io", "leases", `${WRITE} get list watch`),
    ],
  },
  {
    name: "system:aggregate-to-view",
    labels: to("view"),
    rules: [
      r("core", "configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status", READ),
      r("core", "bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status", READ),
      r("core", "namespaces", READ),
      r("discovery.k8s.io", "endpointslices", READ),
      r("apps", "controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status", READ),
      r("autoscaling", "horizontalpodautoscalers horizontalpodautoscalers/status", READ),
      r("batch", "cronjobs cronjobs/status jobs jobs/status", READ),
      r("extensions", "daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale", READ),
      r("policy", "poddisruptionbudgets poddisruptionbudgets/status", READ),
      r("networking.k8s.io", "ingresses ingresses/status networkpolicies", READ),
    ],
  },
  { name: "system:auth-delegator", rules: [r("authentication.k8s.io", "tokenreviews", "create"), r("authorization.k8s.io", "subjectaccessreviews", "create")] },
  { name: "system:basic-user", rules: [r("authorization.k8s.io", "selfsubjectaccessreviews selfsubjectrulesreviews", "create"), r("authentication.k8s.io", "selfsubjectreviews", "create")] },
  { name: "system:discovery", rules: [u("/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/", "get")] },
  { name: "system:public-info-viewer", rules: [u("/healthz /livez /readyz /version /version/", "get")] },
  { name: "system:monitoring", rules: [u("/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*", "get")] },
  { name: "system:service-account-issuer-discovery", rules: [u("/.well-known/openid-configuration /openid/v1/jwks", "get")] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [r("certificates.k8s.io", "certificatesigningrequests/nodeclient", "create")] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [r("certificates.k8s.io", "certificatesigningrequests/selfnodeclient", "create")] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-approver", rules: [r("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client")] },
  { name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", rules: [r("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client-kubelet")] },
  { name: "system:certificates.k8s.io:kubelet-serving-approver", rules: [r("certificates.k8s.io", "signers", "approve", "kubernetes.io/kubelet-serving")] },
  { name: "system:certificates.k8s.io:legacy-unknown-approver", rules: [r("certificates.k8s.io", "signers", "approve", "kubernetes.io/legacy-unknown")] },
  { name: "system:heapster", rules: [r("core", "events namespaces nodes pods", READ), r("extensions", "deployments", READ)] },
  { name: "system:kube-aggregator", rules: [r("core", "endpoints services", READ)] },
  { name: "system:kube-dns", rules: [r("core", "endpoints services", "list watch")] },
  { name: "system:kubelet-api-admin", rules: [r("core", "nodes", READ), r("core", "nodes", "proxy"), r("core", "nodes/log nodes/metrics nodes/proxy nodes/stats", "*")] },
  {
    name: "system:kube-controller-manager",
    rules: [
      EVENTS,
      r("coordination.k8s.io", "leases", "create"),
      r("coordination.k8s.io", "leases", "get update", "kube-controller-manager"),
      r("core", "secrets serviceaccounts", "create"),
      r("core", "secrets", "delete"),
      r("core", "configmaps namespaces secrets serviceaccounts", "get"),
      r("core", "secrets serviceaccounts", "update"),
      r("authentication.k8s.io", "tokenreviews", "create"),
      r("authorization.k8s.io", "subjectaccessreviews", "create"),
      r("*", "*", "list watch"),
      r("core", "serviceaccounts/token", "create"),
    ],
  },
  {
    name: "system:kube-scheduler",
    rules: [
      EVENTS,
      r("coordination.k8s.io", "leases", "create"),
      r("coordination.k8s.io", "leases", "get update", "kube-scheduler"),
      r("core", "nodes", READ),
      r("core", "pods", `delete ${READ}`),
      r("core", "bindings pods/binding", "create"),
      r("core", "pods/status", "patch update"),
      r("core", "replicationcontrollers services", READ),
      r("apps extensions", "replicasets", READ),
      r("apps", "statefulsets", READ),
      r("policy", "poddisruptionbudgets", READ),
      r("core", "persistentvolumeclaims persistentvolumes", READ),
      r("authentication.k8s.io", "tokenreviews", "create"),
      r("authorization.k8s.io", "subjectaccessreviews", "create"),
      r("storage.k8s.io", "csinodes", READ),
      r("core", "namespaces", READ),
      r("storage.k8s.io", "csidrivers", READ),
      r("storage.k8s.io", "csistoragecapacities", READ),
    ],
  },
  {
    name: "system:node",
    rules: [
      r("authentication.k8s.io", "tokenreviews", "create"),
      r("authorization.k8s.io", "localsubjectaccessreviews subjectaccessreviews", "create"),
      r("core", "services", READ),
      r("core", "nodes", `create ${READ}`),
      r("core", "nodes/status", "patch update"),
      r("core", "nodes", "patch update"),
      r("core", "events", "create patch update"),
      r("core", "pods", READ),
      r("core", "pods", "create delete"),
      r("core", "pods/status", "patch update"),
      r("core", "pods/eviction", "create"),
      r("core", "configmaps secrets", READ),
      r("core", "persistentvolumeclaims persistentvolumes", "get"),
      r("core", "endpoints", "get"),
      r("certificates.k8s.io", "certificatesigningrequests", `create ${READ}`),
      r("coordination.k8s.io", "leases", "create delete get patch update"),
      r("storage.k8s.io", "volumeattachments", "get"),
      r("core", "serviceaccounts/token", "create"),
      r("core", "persistentvolumeclaims/status", "get patch update"),
      r("storage.k8s.io", "csidrivers", READ),
      r("storage.k8s.io", "csinodes", "create delete get patch update"),
      r("node.k8s.io", "runtimeclasses", READ),
    ],
  },
  { name: "system:node-bootstrapper", rules: [r("certificates.k8s.io", "certificatesigningrequests", `create ${READ}`)] },
  { name: "system:node-problem-detector", rules: [r("core", "nodes", "get"), r("core", "nodes/status", "patch"), EVENTS] },
  { name: "system:node-proxier", rules: [r("core", "endpoints services", "list watch"), r("core", "nodes", READ), EVENTS, r("discovery.k8s.io", "endpointslices", "list watch")] },
  { name: "system:persistent-volume-provisioner", rules: [r("core", "persistentvolumes", `create delete ${READ}`), r("core", "persistentvolumeclaims", "get list update watch"), r("storage.k8s.io", "storageclasses", READ), r("core", "events", "watch"), EVENTS] },
  { name: "system:volume-scheduler", rules: [r("core", "persistentvolumes", "get list patch update watch"), r("storage.k8s.io", "storageclasses", READ), r("core", "persistentvolumeclaims", "get list patch update watch")] },
];

/** kube-controller-manager's per-controller roles (`system:controller:<name>`, bound to kube-system service accounts). */
export const CONTROLLER_ROLES: BootstrapRole[] = [
  { name: "attachdetach-controller", rules: [r("core", "persistentvolumeclaims persistentvolumes", "list watch"), r("core", "nodes", READ), r("core", "nodes/status", "patch update"), r("core", "pods", "list watch"), EVENTS, r("storage.k8s.io", "volumeattachments", "create delete get list watch"), r("storage.k8s.io", "csidrivers", READ), r("storage.k8s.io", "csinodes", READ)] },
  { name: "certificate-controller", rules: [r("certificates.k8s.io", "certificatesigningrequests", `delete ${READ}`), r("certificates.k8s.io", "certificatesigningrequests/approval certificatesigningrequests/status", "update"), r("certificates.k8s.io", "signers", "approve", "kubernetes.io/kube-apiserver-client-kubelet"), r("certificates.k8s.io", "signers", "sign", "kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown"), r("authorization.k8s.io", "subjectaccessreviews", "create"), EVENTS] },
  { name: "clusterrole-aggregation-controller", rules: [r("rbac.authorization.k8s.io", "clusterroles", "escalate get list patch update watch")] },
  { name: "cronjob-controller", rules: [r("batch", "cronjobs", "get list update watch"), r("batch", "jobs", `create delete get list patch update watch`), r("batch", "cronjobs/status", "update"), r("batch", "cronjobs/finalizers", "update"), r("core", "pods", "delete list watch"), EVENTS] },
  { name: "daemon-set-controller", rules: [r("apps extensions", "daemonsets", READ), r("apps extensions", "daemonsets/status", "update"), r("apps extensions", "daemonsets/finalizers", "update"), r("core", "nodes", "list watch"), r("core", "pods", "create delete list patch watch"), r("core", "pods/binding", "create"), r("apps", "controllerrevisions", "create delete get list patch update watch"), EVENTS] },
  { name: "deployment-controller", rules: [r("apps extensions", "deployments", "get list update watch"), r("apps extensions", "deployments/status", "update"), r("apps extensions", "deployments/finalizers", "update"), r("apps extensions", "replicasets", "create delete get list patch update watch"), r("core", "pods", "get list update watch"), EVENTS] },
  { name: "disruption-controller", rules: [r("apps extensions", "deployments", READ), r("apps extensions", "replicasets", READ), r("core", "replicationcontrollers", READ), r("policy", "poddisruptionbudgets", READ), r("apps", "statefulsets", READ), r("policy", "poddisruptionbudgets/status", "update"), r("core", "pods/status", "patch update"), r("*", "*/scale", "get"), EVENTS] },
  { name: "endpoint-controller", rules: [r("core", "pods services", READ), r("core", "endpoints", "create delete get list update watch"), r("core", "endpoints/restricted", "create"), EVENTS] },
  { name: "endpointslice-controller", rules: [r("core", "nodes pods services", READ), r("core", "services/finalizers", "update"), r("discovery.k8s.io", "endpointslices", "create delete get list update watch"), EVENTS] },
  { name: "endpointslicemirroring-controller", rules: [r("core", "endpoints services", READ), r("core", "services/finalizers", "update"), r("core", "endpoints/finalizers", "update"), r("discovery.k8s.io", "endpointslices", "create delete get list update watch"), EVENTS] },
  { name: "ephemeral-volume-controller", rules: [r("core", "pods", READ), r("core", "pods/finalizers", "update"), r("core", "persistentvolumeclaims", `create ${READ}`), EVENTS] },
  { name: "expand-controller", rules: [r("core", "persistentvolumes", "get list patch update watch"), r("core", "persistentvolumeclaims/status", "patch update"), r("core", "persistentvolumeclaims", READ), EVENTS] },
  { name: "generic-garbage-collector", rules: [r("*", "*", "delete get list patch update watch"), EVENTS] },
  { name: "horizontal-pod-autoscaler", rules: [r("autoscaling", "horizontalpodautoscalers", READ), r("autoscaling", "horizontalpodautoscalers/status", "update"), r("*", "*/scale", "get update"), r("core", "pods", "list watch"), r("metrics.k8s.io", "pods", "list watch"), r("custom.metrics.k8s.io", "*", READ), r("external.metrics.k8s.io", "*", READ), EVENTS] },
  { name: "job-controller", rules: [r("batch", "jobs", "get list patch update watch"), r("batch", "jobs/status", "update"), r("batch", "jobs/finalizers", "update"), r("core", "pods", "create delete list patch watch"), EVENTS] },
  { name: "legacy-service-account-token-cleaner", rules: [r("core", "configmaps", "get", "kube-apiserver-legacy-service-account-token-tracking"), r("core", "secrets", "delete patch")] },
  { name: "namespace-controller", rules: [r("core", "namespaces", `delete ${READ}`), r("core", "namespaces/finalize namespaces/status", "update"), r("*", "*", `delete deletecollection ${READ}`)] },
];

/** Default ClusterRoleBindings: [name (= role), subjects as "Kind:name" or "ServiceAccount:ns/name"]. */
export const UPSTREAM_BINDINGS: Array<[string, string[]]> = [
  ["cluster-admin", ["Group:system:masters"]],
  ["system:basic-user", ["Group:system:authenticated"]],
  ["system:discovery", ["Group:system:authenticated"]],
  ["system:public-info-viewer", ["Group:system:authenticated", "Group:system:unauthenticated"]],
  ["system:monitoring", ["Group:system:monitoring"]],
  ["system:service-account-issuer-discovery", ["Group:system:serviceaccounts"]],
  ["system:kube-controller-manager", ["User:system:kube-controller-manager"]],
  ["system:kube-dns", ["ServiceAccount:kube-system/kube-dns"]],
  ["system:kube-scheduler", ["User:system:kube-scheduler"]],
  ["system:volume-scheduler", ["User:system:kube-scheduler"]],
  ["system:node", []],
  ["system:node-proxier", ["User:system:kube-proxy"]],
];
