// kubectl's pod columns: a line-for-line reading of printPod in
// k8s.io/kubernetes/pkg/printers/internalversion/printers.go (sidecar-aware version).
// The apiserver runs this to answer `kubectl get pods`; we run it for the console's pod
// tables and for the simulator's Table responses, so both print what kubectl would.

import { formatAge, parseTimestamp } from "./format-age";
import type { ContainerLike, ContainerStatusLike, PodLike } from "./types";

/** One pod as `kubectl get pods -o wide` prints it. */
export interface PodRow {
  name: string;
  namespace: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

interface PodSummary {
  status: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** Epoch ms of the latest lastState.terminated.finishedAt counted, or undefined. */
  lastRestartMs: number | undefined;
}

// node.NodeUnreachablePodReason
const NODE_UNREACHABLE_POD_REASON = "NodeLost";

function isRestartableInitContainer(c: ContainerLike | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function hasCondition(pod: PodLike, type: string): boolean {
  // Mirrors both Go helpers: isPodInitializedConditionTrue reads the first Initialized
  // condition, hasPodReadyCondition accepts any Ready condition that is True.
  const c = pod.status?.conditions?.find((x) => x.type === type && (type !== "Ready" || x.status === "True"));
  return c?.status === "True";
}

function later(current: number | undefined, status: ContainerStatusLike): number | undefined {
  const finished = parseTimestamp(status.lastState?.terminated?.finishedAt);
  if (finished === undefined) return current;
  return current === undefined || current < finished ? finished : current;
}

function summarizePod(pod: PodLike): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const phase = status.phase ?? "";
  let reason = status.reason ? status.reason : phase;
  if (status.conditions?.some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) {
    reason = "SchedulingGated";
  }

  const initSpecs = new Map<string, ContainerLike>();
  let totalContainers = spec.containers?.length ?? 0;
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let initializing = false;

  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const sidecar = isRestartableInitContainer(initSpecs.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Walked backwards so the first container's state has the last word, as in printPod.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c);
      const terminated = c.state?.terminated;
      if (c.state?.waiting?.reason) {
        reason = c.state.waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose finished container says "Completed" is still running if another runs.
    if (reason === "Completed" && hasRunning) {
      reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
    }
  }

  const deleting = parseTimestamp(pod.metadata?.deletionTimestamp) !== undefined;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = "Unknown";
  } else if (deleting && phase !== "Succeeded" && phase !== "Failed") {
    reason = "Terminating";
  }

  return { status: reason, readyContainers, totalContainers, restarts, lastRestartMs: lastRestart };
}

/** STATUS column: "Running", "CrashLoopBackOff", "Init:0/2", "Terminating", "Completed", … */
export function podStatus(pod: PodLike): string {
  return summarizePod(pod).status;
}

/** READY column: "ready/total", restartable init containers (sidecars) included. */
export function podReady(pod: PodLike): string {
  const s = summarizePod(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

function restartsText(s: PodSummary, now: Date | number): string {
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) {
    return `${s.restarts} (${formatAge(new Date(s.lastRestartMs), now)} ago)`;
  }
  return String(s.restarts);
}

/** RESTARTS column: "0", or "4 (2m ago)" when the last termination time is known. */
export function podRestarts(pod: PodLike, now: Date | number): string {
  return restartsText(summarizePod(pod), now);
}

/** READINESS GATES column: "<none>" or "true/total" over spec.readinessGates. */
export function podReadinessGates(pod: PodLike): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === "True").length;
  return `${trueCount}/${gates.length}`;
}

/** IP column: the first of status.podIPs (status.podIP for objects without podIPs). */
export function podIp(pod: PodLike): string {
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP;
  return ip || "<none>";
}

/** Every `kubectl get pods -o wide` column of one pod. */
export function podRow(pod: PodLike, now: Date | number): PodRow {
  const s = summarizePod(pod);
  return {
    name: pod.metadata?.name ?? "",
    namespace: pod.metadata?.namespace ?? "",
    ready: `${s.readyContainers}/${s.totalContainers}`,
    status: s.status,
    restarts: restartsText(s, now),
    age: formatAge(pod.metadata?.creationTimestamp, now),
    ip: podIp(pod),
    node: pod.spec?.nodeName || "<none>",
    nominatedNode: pod.status?.nominatedNodeName || "<none>",
    readinessGates: podReadinessGates(pod),
  };
}

/** The apiserver's row conditions: pods that finished are marked Completed. */
export function podRowConditions(
  pod: PodLike,
): { type: string; status: string; reason: string; message: string }[] | undefined {
  switch (pod.status?.phase) {
    case "Succeeded":
      return [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
    case "Failed":
      return [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];
    default:
      return undefined;
  }
}
