// Node drain (`kubectl drain --ignore-daemonsets --delete-emptydir-data` semantics): the
// plan of which pods go, and the answer of one eviction.

/** One pod on the node and what a drain does with it. */
export interface TDrainPod {
  namespace: string;
  name: string;
  /** `evict`: evicted (PodDisruptionBudgets apply); `skip`: left alone (DaemonSet or mirror pod). */
  action: "evict" | "skip";
  skipReason?: "daemonset" | "mirror";
  /** The PodDisruptionBudget covering the pod, when one does. */
  budget?: string;
  /** The pod has emptyDir volumes whose data the eviction deletes. */
  emptyDir: boolean;
}

export interface TDrainPlan {
  node: string;
  unschedulable: boolean;
  pods: TDrainPod[];
}

/** One eviction: done, refused by a budget (retry later), or the pod was already gone. */
export interface TEvictResult {
  outcome: "evicted" | "blocked" | "gone";
  /** The cluster's words when blocked (names the budget and its healthy counts). */
  message?: string;
}

/** Seconds between attempts at a pod a budget blocks (kubectl drain waits 5 s). */
export const EVICTION_RETRY_SECONDS = 5;
