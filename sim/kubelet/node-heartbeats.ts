import type { ClusterState } from "../cluster/cluster-state";
import type { Condition, KubeObject } from "../store/kube-types";
import { isoTime } from "../store/object-store";

const NODE_STATUS_MS = 60_000;
const UNREACHABLE = [
  { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
];

function conditions(node: KubeObject, ready: boolean, at: string): Condition[] {
  const prev = ((node.status as { conditions?: Condition[] } | undefined)?.conditions ?? []);
  const was = prev.find((c) => c.type === "Ready");
  const changed = !was || (was.status === "True") !== ready;
  const since = (type: string): string => (changed ? at : prev.find((c) => c.type === type)?.lastTransitionTime ?? at);
  const pressure = (type: string, reason: string, msg: string): Condition => (ready
    ? { type, status: "False", lastHeartbeatTime: at, lastTransitionTime: since(type), reason, message: msg }
    : { type, status: "Unknown", lastHeartbeatTime: prev.find((c) => c.type === type)?.lastHeartbeatTime ?? at, lastTransitionTime: since(type), reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
  return [
    pressure("MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
    pressure("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    pressure("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    ready
      ? { type: "Ready", status: "True", lastHeartbeatTime: at, lastTransitionTime: since("Ready"), reason: "KubeletReady", message: "kubelet is posting ready status" }
      : { type: "Ready", status: "Unknown", lastHeartbeatTime: was?.lastHeartbeatTime ?? at, lastTransitionTime: since("Ready"), reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." },
  ];
}

/**
 * Applies the nodeNotReady fault at once (the node lifecycle controller's 40 s grace is
 * not modelled): Ready=Unknown and unreachable taints; clearing it restores Ready.
 */
export function applyNodeReadiness(cluster: ClusterState, force = false): void {
  const down = new Set(cluster.faults.nodeNotReady ?? []);
  const at = isoTime();
  for (const n of cluster.store.list("/nodes")) {
    const ready = !down.has(n.metadata.name);
    const wasReady = ((n.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
    if (ready === wasReady && !force) continue;
    if (!ready && !wasReady) continue;
    const spec = (n.spec ?? {}) as { taints?: { key: string; effect: string }[] };
    const taints = (spec.taints ?? []).filter((t) => t.key !== "node.kubernetes.io/unreachable");
    cluster.store.commit("/nodes", "MODIFIED", { ...n, spec: { ...spec, taints: ready ? (taints.length ? taints : undefined) : [...taints, ...UNREACHABLE.map((t) => ({ ...t, timeAdded: at }))] }, status: { ...(n.status as object), conditions: conditions(n, ready, at) } });
  }
}

/** Lease renewals (kube-node-lease) and periodic node status, on the shared timer heap. */
export function startNodeHeartbeats(cluster: ClusterState): void {
  let lastStatus = Date.now();
  const tick = (): void => {
    if (cluster.isStopped()) return;
    const down = new Set(cluster.faults.nodeNotReady ?? []);
    if (!cluster.faults.partition) {
      const now = new Date().toISOString().replace("Z", "000Z");
      for (const n of cluster.store.list("/nodes")) {
        if (down.has(n.metadata.name)) continue;
        const lease = cluster.store.get("coordination.k8s.io/leases", "kube-node-lease", n.metadata.name);
        if (lease) cluster.store.commit("coordination.k8s.io/leases", "MODIFIED", { ...lease, spec: { ...(lease.spec as object), renewTime: now } });
      }
      if (Date.now() - lastStatus >= NODE_STATUS_MS) {
        lastStatus = Date.now();
        applyNodeReadiness(cluster, true);
      }
    }
    cluster.rt.timers.after(cluster.rt.leaseRenewMs, tick);
  };
  cluster.rt.timers.after(cluster.rt.leaseRenewMs * (0.5 + Math.random() * 0.5), tick);
}
