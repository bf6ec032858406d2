// The objects a k3s upgrade delivers to a cluster: rancher/system-upgrade-controller as its
// release manifest installs it (k3s does not ship it), then two upgrade.cattle.io/v1 Plans —
// the servers one at a time (cordoned), then the agents `agentConcurrency` at a time, each
// agent waiting for the server plan (its `prepare` step), as the k3s documentation's
// automated-upgrade example does.

export const UPGRADE_NAMESPACE = "system-upgrade";
export const SERVER_PLAN = "outpost-k3s-server";
export const AGENT_PLAN = "outpost-k3s-agent";
export const SUC_IMAGE = "rancher/system-upgrade-controller:v0.14.0";
export const K3S_UPGRADE_IMAGE = "rancher/k3s-upgrade";
const CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

export interface TUpgradeObject {
  apiVersion: string;
  kind: string;
  /** The plural for the apiserver path. */
  plural: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

function obj(apiVersion: string, kind: string, plural: string, name: string, namespace: string | undefined, rest: Record<string, unknown>): TUpgradeObject {
  return { apiVersion, kind, plural, metadata: { name, ...(namespace ? { namespace } : {}) }, ...rest };
}

/** system-upgrade-controller: namespace, service account bound to cluster-admin, its env, its Deployment (on a server). */
export function systemUpgradeControllerObjects(): TUpgradeObject[] {
  const labels = { "upgrade.cattle.io/controller": "system-upgrade-controller" };
  return [
    obj("v1", "Namespace", "namespaces", UPGRADE_NAMESPACE, undefined, {}),
    obj("v1", "ServiceAccount", "serviceaccounts", "system-upgrade", UPGRADE_NAMESPACE, {}),
    obj("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", "system-upgrade", undefined, {
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ kind: "ServiceAccount", name: "system-upgrade", namespace: UPGRADE_NAMESPACE }],
    }),
    obj("v1", "ConfigMap", "configmaps", "default-controller-env", UPGRADE_NAMESPACE, {
      data: {
        SYSTEM_UPGRADE_CONTROLLER_DEBUG: "false",
        SYSTEM_UPGRADE_CONTROLLER_THREADS: "2",
        SYSTEM_UPGRADE_JOB_ACTIVE_DEADLINE_SECONDS: "900",
        // One retry, then the Plan stops on the node and the wave pauses (the release default, 99, would retry for hours).
        SYSTEM_UPGRADE_JOB_BACKOFF_LIMIT: "1",
        SYSTEM_UPGRADE_JOB_IMAGE_PULL_POLICY: "IfNotPresent",
        SYSTEM_UPGRADE_JOB_KUBECTL_IMAGE: "rancher/kubectl:v1.30.3",
        SYSTEM_UPGRADE_JOB_PRIVILEGED: "true",
        SYSTEM_UPGRADE_JOB_TTL_SECONDS_AFTER_FINISH: "900",
        SYSTEM_UPGRADE_PLAN_POLLING_INTERVAL: "15m",
      },
    }),
    obj("apps/v1", "Deployment", "deployments", "system-upgrade-controller", UPGRADE_NAMESPACE, {
      spec: {
        strategy: { type: "Recreate" },
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "system-upgrade",
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: CONTROL_PLANE, operator: "Exists" }] }] } } },
            tolerations: [
              { key: "CriticalAddonsOnly", operator: "Exists" },
              { key: "node-role.kubernetes.io/master", operator: "Exists", effect: "NoSchedule" },
              { key: CONTROL_PLANE, operator: "Exists", effect: "NoSchedule" },
            ],
            containers: [
              {
                name: "system-upgrade-controller",
                image: SUC_IMAGE,
                envFrom: [{ configMapRef: { name: "default-controller-env" } }],
                env: [
                  { name: "SYSTEM_UPGRADE_CONTROLLER_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.labels['upgrade.cattle.io/controller']" } } },
                  { name: "SYSTEM_UPGRADE_CONTROLLER_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
                ],
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
              },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
          },
        },
      },
    }),
  ];
}

/** The two Plans bringing a cluster to `version`: servers one at a time, then agents. */
export function upgradePlanObjects(version: string, agentConcurrency: number): TUpgradeObject[] {
  const plan = (name: string, spec: Record<string, unknown>) => obj("upgrade.cattle.io/v1", "Plan", "plans", name, UPGRADE_NAMESPACE, { spec: { serviceAccountName: "system-upgrade", version, upgrade: { image: K3S_UPGRADE_IMAGE }, ...spec } });
  return [
    plan(SERVER_PLAN, { concurrency: 1, cordon: true, nodeSelector: { matchExpressions: [{ key: CONTROL_PLANE, operator: "In", values: ["true"] }] } }),
    plan(AGENT_PLAN, {
      concurrency: agentConcurrency,
      cordon: true,
      nodeSelector: { matchExpressions: [{ key: CONTROL_PLANE, operator: "DoesNotExist" }] },
      prepare: { image: K3S_UPGRADE_IMAGE, args: ["prepare", SERVER_PLAN] },
    }),
  ];
}
