import "server-only";
import type { TBundleKind } from "@/lib/shared/bundles/bundle-kinds";
import { bundleObjectPath } from "@/lib/shared/bundles/bundle-kinds";
import { BUNDLE_ID_LABEL, BUNDLE_REVISION_LABEL, renderBundle, type TBundleCluster } from "@/lib/shared/bundles/render-bundle";
import { podStatus } from "@/lib/shared/kube/pod-columns";
import type { PodLike } from "@/lib/shared/kube/types";
import { touchesEdgex } from "@/lib/shared/bundles/touches-edgex";
import { FLEET_IDENTITY } from "../k8s/kube-identity";
import { edgexGateProblem } from "./check-edgex-gate";
import { kubeJson } from "../k8s/kube-request";

/** Pod statuses that fail a cluster's deployment of a bundle (kubectl's STATUS column). */
const FAILING = new Set(["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError"]);

export interface BundleHealth {
  state: "Ready" | "NotReady" | "Failed";
  message: string | null;
}

interface WorkloadStatus {
  metadata?: { generation?: number };
  spec?: { replicas?: number };
  status?: Record<string, number | undefined>;
}

/** Why a workload is not yet rolled out and available, or null when it is. */
function workloadNotReady(kind: TBundleKind, name: string, w: WorkloadStatus): string | null {
  const s = w.status ?? {};
  if ((s.observedGeneration ?? 0) < (w.metadata?.generation ?? 0)) return `${kind.kind} ${name}: update not yet observed`;
  if (kind.workload === "DaemonSet") {
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired || (s.numberAvailable ?? 0) < desired) return `${kind.kind} ${name}: ${s.numberAvailable ?? 0}/${desired} available`;
    return null;
  }
  const replicas = w.spec?.replicas ?? 1;
  const ready = kind.workload === "StatefulSet" ? (s.readyReplicas ?? 0) : (s.availableReplicas ?? 0);
  if ((s.updatedReplicas ?? 0) < replicas || ready < replicas || (s.replicas ?? 0) > replicas) return `${kind.kind} ${name}: ${s.updatedReplicas ?? 0}/${replicas} updated, ${ready} available`;
  return null;
}

/**
 * Health of one revision on one cluster, read through the cluster client as the fleet
 * identity: every workload of the bundle rolled out and available (`NotReady` until then),
 * and no pod of this revision failing — CrashLoopBackOff, image pull errors (`Failed`);
 * for a bundle that deploys EdgeX, also the EdgeX core services answering ping.
 */
export async function checkBundleHealth(clusterId: string, bundle: { id: string; name: string }, revision: { number: number; yaml: string }, cluster: TBundleCluster): Promise<BundleHealth> {
  const objects = renderBundle(revision.yaml, cluster, bundle, revision.number);
  const selector = `${BUNDLE_ID_LABEL}=${bundle.id},${BUNDLE_REVISION_LABEL}=${revision.number}`;
  const pods = await kubeJson<{ items?: PodLike[] }>(clusterId, FLEET_IDENTITY, { path: "/api/v1/pods", query: { labelSelector: selector } });
  for (const pod of pods.items ?? []) {
    const status = podStatus(pod);
    if (FAILING.has(status)) return { state: "Failed", message: `pod ${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}: ${status}` };
  }
  for (const obj of objects) {
    if (!obj.kind.workload) continue;
    const live = await kubeJson<WorkloadStatus>(clusterId, FLEET_IDENTITY, { path: bundleObjectPath(obj.kind, obj.namespace, obj.name) });
    const why = workloadNotReady(obj.kind, obj.name, live);
    if (why) return { state: "NotReady", message: why };
  }
  // A bundle that deploys EdgeX is healthy only when the EdgeX core services answer.
  if (touchesEdgex(objects)) {
    const why = await edgexGateProblem(clusterId);
    if (why) return { state: "NotReady", message: why };
  }
  return { state: "Ready", message: null };
}
