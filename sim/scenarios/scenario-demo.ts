import type { ClusterState } from "../cluster/cluster-state";
import { BEHAVIOR_ANNOTATION } from "../kubelet/pod-status";
import { LOAD_ANNOTATION } from "../metrics/usage-model";
import { deployment, ensureNamespace, put, service, template } from "./scenario-helpers";

/**
 * demo: namespace "demo" with healthy and broken workloads (a CrashLoopBackOff worker, an
 * ImagePullBackOff pod, a completed Job) plus `extraPods` more nginx replicas.
 */
export function scenarioDemo(cluster: ClusterState, extraPods = 0): void {
  ensureNamespace(cluster, "demo");
  deployment(cluster, "demo", "web", "nginx:1.27.3", 3, { ports: [80] });
  service(cluster, "demo", "web", { app: "web" }, [{ name: "http", port: 80 }]);
  deployment(cluster, "demo", "api", "ghcr.io/example/api:2.4.1", 2, { ports: [8080], podAnnotations: { [LOAD_ANNOTATION]: "busy" } });
  deployment(cluster, "demo", "worker", "ghcr.io/example/worker:crash", 1, { podAnnotations: { [BEHAVIOR_ANNOTATION]: "crash" } });
  deployment(cluster, "demo", "legacy", "registry.example.com/legacy:does-not-exist", 1);
  put(cluster, "batch/v1", "Job", { name: "db-migrate", namespace: "demo" }, { spec: { backoffLimit: 2, template: template({ job: "db-migrate" }, "ghcr.io/example/migrate:1.0", { extra: { restartPolicy: "Never" } }) } });
  put(cluster, "v1", "ConfigMap", { name: "web-config", namespace: "demo" }, { data: { "nginx.conf": "server { listen 80; }" } });
  put(cluster, "v1", "Secret", { name: "api-credentials", namespace: "demo" }, { type: "Opaque", data: { password: Buffer.from("not-a-real-password").toString("base64") } });
  if (extraPods > 0) deployment(cluster, "demo", "fleet-filler", "nginx:1.27.3", extraPods, { ports: [80] });
}
