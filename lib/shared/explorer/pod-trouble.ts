import type { KubeObjectLike } from "../kube/types";

interface Terminated {
  reason?: string;
  exitCode?: number;
  signal?: number;
  message?: string;
  finishedAt?: string;
}
interface ContainerStatusLike {
  name: string;
  restartCount?: number;
  state?: { running?: unknown; waiting?: { reason?: string; message?: string }; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
}

/** Why one container of a pod is in trouble, as an operator wants it first. */
export interface ContainerTrouble {
  container: string;
  init: boolean;
  /** Current state's reason: CrashLoopBackOff, ImagePullBackOff, Error, OOMKilled … */
  reason: string;
  /** The kubelet's message for it (back-off delay, image pull error …). */
  message: string | null;
  restarts: number;
  /** The previous run's end (lastState.terminated), or the current one's if it is terminated. */
  lastTerminated: { reason: string | null; exitCode: number | null; signal: number | null; message: string | null; finishedAt: string | null } | null;
  /** Whether a previous container exists whose log can be read (`?previous=true`). */
  hasPreviousLog: boolean;
}

const HEALTHY_TERMINATION = new Set(["Completed"]);

/**
 * The containers of a pod that are failing — waiting with a reason other than
 * ContainerCreating/PodInitializing, or terminated unsuccessfully, or restarted after an
 * unsuccessful exit — with the last state's reason, exit code and message that
 * `kubectl describe pod` shows under "Last State". Healthy pods give [].
 */
export function podTrouble(pod: KubeObjectLike): ContainerTrouble[] {
  const status = (pod as { status?: { containerStatuses?: ContainerStatusLike[]; initContainerStatuses?: ContainerStatusLike[] } }).status;
  const all = [...(status?.initContainerStatuses ?? []).map((s) => ({ s, init: true })), ...(status?.containerStatuses ?? []).map((s) => ({ s, init: false }))];
  const out: ContainerTrouble[] = [];
  for (const { s, init } of all) {
    const waiting = s.state?.waiting;
    const current = s.state?.terminated;
    const last = s.lastState?.terminated;
    const waitingBad = !!waiting?.reason && waiting.reason !== "ContainerCreating" && waiting.reason !== "PodInitializing";
    const currentBad = !!current && (current.exitCode ?? 0) !== 0;
    const lastBad = !!last && (s.restartCount ?? 0) > 0 && !HEALTHY_TERMINATION.has(last.reason ?? "");
    if (!waitingBad && !currentBad && !lastBad) continue;
    const ended = last ?? current;
    out.push({
      container: s.name,
      init,
      reason: waiting?.reason ?? current?.reason ?? (s.state?.running ? "Running" : "Waiting"),
      message: waiting?.message ?? current?.message ?? null,
      restarts: s.restartCount ?? 0,
      lastTerminated: ended
        ? { reason: ended.reason ?? null, exitCode: ended.exitCode ?? null, signal: ended.signal ?? null, message: ended.message ?? null, finishedAt: ended.finishedAt ?? null }
        : null,
      hasPreviousLog: !!last,
    });
  }
  return out;
}
