import type { ClusterState } from "../cluster/cluster-state";
import { put } from "../scenarios/scenario-helpers";
import { METRICS_GROUP } from "./serve-metrics";

/**
 * What k3s's bundled metrics-server adds to a cluster: the `v1beta1.metrics.k8s.io`
 * APIService (Available, backed by kube-system/metrics-server) and the aggregated
 * `metrics.k8s.io/v1beta1` resources nodes (NodeMetrics) and pods (PodMetrics), get and
 * list only — in legacy and aggregated discovery like any served group.
 */
export function installMetricsApi(cluster: ClusterState): void {
  const at = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  put(cluster, "apiregistration.k8s.io/v1", "APIService", { name: "v1beta1.metrics.k8s.io", labels: { "k8s-app": "metrics-server", "objectset.rio.cattle.io/hash": "a7c3c8ad3e5f1b7f7e8a4bd5c3e8a0b8f4f4d7a1" } }, {
    spec: { group: METRICS_GROUP, version: "v1beta1", groupPriorityMinimum: 100, versionPriority: 100, insecureSkipTLSVerify: true, service: { name: "metrics-server", namespace: "kube-system", port: 443 } },
    status: { conditions: [{ type: "Available", status: "True", lastTransitionTime: at, reason: "Passed", message: "all checks passed" }] },
  });
  for (const [kind, plural, namespaced] of [["NodeMetrics", "nodes", false], ["PodMetrics", "pods", true]] as const) {
    cluster.registry.add({ group: METRICS_GROUP, version: "v1beta1", kind, plural, singular: "", namespaced, storage: `${METRICS_GROUP}/${plural}`, verbs: ["get", "list"] });
  }
}
