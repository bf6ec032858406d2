import type { ClusterState } from "../cluster/cluster-state";
import { deleteObject, updateObject } from "../cluster/object-writes";
import { registerContainerProgram } from "../kubelet/container-programs";
import type { Behavior } from "../kubelet/pod-status";
import type { Container, KubeObject, Pod } from "../store/kube-types";
import { LABEL_CONTROLLER } from "./upgrade-plan";
import { typeOf } from "./workload-pods";

// The container of a system-upgrade Job pod. The simulated kubelet runs no init
// containers, so this program first does what the Job's `cordon`/`drain` init container
// (kubectl) would, then what rancher/k3s-upgrade does: put the image's k3s version on the
// node (kubelet and kube-proxy restart with it). The `upgradeFailNodes` fault makes it
// exit 1 and leave the node as it was (still cordoned, like a real failed upgrade).

function cordon(cluster: ClusterState, node: KubeObject): KubeObject {
  if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) return node;
  return updateObject(cluster, typeOf(cluster, "v1", "Node"), { ...node, spec: { ...(node.spec as object), unschedulable: true } });
}

/** kubectl drain --ignore-daemonsets --pod-selector '!upgrade.cattle.io/controller'. */
function drain(cluster: ClusterState, nodeName: string): void {
  const podType = typeOf(cluster, "v1", "Pod");
  for (const p of cluster.store.list("/pods") as Pod[]) {
    if (p.spec.nodeName !== nodeName || p.metadata.deletionTimestamp || p.metadata.labels?.[LABEL_CONTROLLER] !== undefined) continue;
    if (p.metadata.ownerReferences?.some((r) => r.kind === "DaemonSet")) continue;
    if (p.status?.phase === "Succeeded" || p.status?.phase === "Failed") continue;
    deleteObject(cluster, podType, p);
  }
}

/** k3s version of a rancher/k3s-upgrade image tag: v1.33.4-k3s1 → v1.33.4+k3s1. */
export function k3sVersionOfImage(image: string): string | undefined {
  const m = image.match(/(?:^|\/)k3s-upgrade:(v\d+\.\d+\.\d+)-(k3s\d+)$/);
  return m ? `${m[1] ?? ""}+${m[2] ?? ""}` : undefined;
}

/** /version follows the servers: it changes once every control-plane node runs `version`. */
function followServers(cluster: ClusterState, version: string): void {
  const servers = cluster.store.list("/nodes").filter((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] === "true");
  const runs = (n: KubeObject): string | undefined => (n.status as { nodeInfo?: { kubeletVersion?: string } } | undefined)?.nodeInfo?.kubeletVersion;
  if (servers.length > 0 && servers.every((n) => runs(n) === version)) cluster.version = version;
}

function upgrade(cluster: ClusterState, pod: Pod, c: Container): Behavior | undefined {
  if (c.name !== "upgrade" || pod.metadata.labels?.[LABEL_CONTROLLER] === undefined) return undefined;
  const nodeName = pod.spec.nodeName ?? "";
  let node = cluster.store.get("/nodes", undefined, nodeName);
  if (!node) return "error";
  const init = (pod.spec.initContainers ?? []).map((x) => x.name);
  if (init.includes("cordon") || init.includes("drain")) node = cordon(cluster, node);
  if (init.includes("drain")) drain(cluster, nodeName);
  if (cluster.faults.upgradeFailNodes?.includes(nodeName)) return "error";
  const version = k3sVersionOfImage(c.image);
  if (!version) return "complete";
  const status = (node.status ?? {}) as { nodeInfo?: Record<string, string> };
  cluster.store.commit("/nodes", "MODIFIED", { ...node, status: { ...status, nodeInfo: { ...status.nodeInfo, kubeletVersion: version, kubeProxyVersion: version } } });
  followServers(cluster, version);
  return "complete";
}

/** Lets the kubelet run system-upgrade Job containers. */
export function startK3sUpgrade(cluster: ClusterState): void {
  registerContainerProgram(cluster, upgrade);
}
