import type { ClusterState } from "../cluster/cluster-state";
import { removeObject } from "../cluster/object-writes";
import { recordEvent } from "../cluster/record-event";
import type { Container, ContainerState, ContainerStatus, Pod, PodStatus } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import { startAgentContainer, stopAgentContainer, type AgentContainer } from "./agent-process";
import { runContainerProgram } from "./container-programs";
import { behaviorOf, containerStatus, podStatusWith, runsAgent, type Behavior } from "./pod-status";
import { schedulePod, nodeIp } from "./schedule-pod";

const RUN_BEFORE_EXIT_MS = 1500;
const MAX_BACKOFF_MS = 300_000;

/** Live agent processes of a cluster, by pod uid then container name. */
export const agentRuntimes = new WeakMap<ClusterState, Map<string, Map<string, { current: AgentContainer; previous?: AgentContainer }>>>();

function runtimes(cluster: ClusterState): Map<string, Map<string, { current: AgentContainer; previous?: AgentContainer }>> {
  let m = agentRuntimes.get(cluster);
  if (!m) {
    m = new Map();
    agentRuntimes.set(cluster, m);
  }
  return m;
}

const PODS = () => ({ group: "", version: "v1", kind: "Pod", plural: "pods", singular: "pod", namespaced: true, storage: "/pods" });

/** Re-reads a pod; undefined when it is gone or was replaced (uid changed). */
function fresh(cluster: ClusterState, pod: Pod): Pod | undefined {
  const p = cluster.store.get("/pods", pod.metadata.namespace, pod.metadata.name) as Pod | undefined;
  return p && p.metadata.uid === pod.metadata.uid ? p : undefined;
}

function phaseOf(pod: Pod, statuses: ContainerStatus[]): PodStatus["phase"] {
  const policy = pod.spec.restartPolicy ?? "Always";
  const terminated = statuses.map((s) => s.state.terminated);
  if (policy !== "Always" && terminated.every((t) => t)) return terminated.every((t) => t?.exitCode === 0) ? "Succeeded" : policy === "Never" ? "Failed" : "Running";
  const started = statuses.some((s) => s.state.running || s.state.terminated || s.restartCount > 0 || s.lastState.terminated);
  return started ? "Running" : "Pending";
}

/** Writes container statuses (recomputing phase and conditions). */
function writeContainers(cluster: ClusterState, pod: Pod, statuses: ContainerStatus[]): Pod {
  const at = isoTime(cluster.now());
  const status = podStatusWith(pod, phaseOf(pod, statuses), statuses, at, nodeIp(cluster, pod.spec.nodeName), pod.status?.podIP ?? cluster.nextPodIp());
  return cluster.store.commit("/pods", "MODIFIED", { ...pod, status }) as Pod;
}

function setOne(cluster: ClusterState, pod: Pod, name: string, state: ContainerState, opts: { restarts?: number; last?: ContainerState } = {}): Pod {
  const prev = pod.status?.containerStatuses ?? [];
  const statuses = pod.spec.containers.map((c) => {
    const p = prev.find((s) => s.name === c.name);
    if (c.name !== name) return p ?? containerStatus(c, pod.metadata.uid, { waiting: { reason: "ContainerCreating" } });
    const s = containerStatus(c, pod.metadata.uid, state, p, opts.restarts);
    if (opts.last) s.lastState = opts.last;
    return s;
  });
  return writeContainers(cluster, pod, statuses);
}

function containerBehavior(cluster: ClusterState, pod: Pod, c: Container, restarts = 0): Behavior {
  if (runsAgent(c, cluster.rt.agentImage)) return "agent";
  const programmed = runContainerProgram(cluster, pod, c, restarts);
  if (programmed) return programmed;
  const b = behaviorOf(pod, cluster.rt.agentImage);
  return b === "agent" ? "run" : b;
}

/** Starts (or restarts) one container after its image is "pulled". */
function startContainer(cluster: ClusterState, pod0: Pod, c: Container, restarts: number): void {
  const pod = fresh(cluster, pod0);
  if (!pod || pod.metadata.deletionTimestamp) return;
  const host = pod.spec.nodeName;
  const b = containerBehavior(cluster, pod, c, restarts);
  const now = cluster.now();
  if (b === "imagepull") {
    recordEvent(cluster, pod, "Normal", "Pulling", `Pulling image "${c.image}"`, "kubelet", host);
    recordEvent(cluster, pod, "Warning", "Failed", `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${c.image}": not found`, "kubelet", host);
    const p2 = setOne(cluster, pod, c.name, { waiting: { reason: "ErrImagePull", message: `failed to pull and unpack image "${c.image}": not found` } });
    cluster.rt.timers.after(cluster.rt.podStartMs, () => {
      const p3 = fresh(cluster, p2);
      if (!p3 || p3.metadata.deletionTimestamp) return;
      recordEvent(cluster, p3, "Normal", "BackOff", `Back-off pulling image "${c.image}"`, "kubelet", host);
      setOne(cluster, p3, c.name, { waiting: { reason: "ImagePullBackOff", message: `Back-off pulling image "${c.image}"` } });
    });
    return;
  }
  if (restarts === 0) recordEvent(cluster, pod, "Normal", "Pulled", `Container image "${c.image}" already present on machine`, "kubelet", host);
  recordEvent(cluster, pod, "Normal", "Created", `Created container ${c.name}`, "kubelet", host);
  recordEvent(cluster, pod, "Normal", "Started", `Started container ${c.name}`, "kubelet", host);
  const running = setOne(cluster, pod, c.name, { running: { startedAt: isoTime(now) } }, { restarts });
  if (b === "agent") {
    void runAgent(cluster, running, c, restarts);
    return;
  }
  if (b === "run") return;
  cluster.rt.timers.after(RUN_BEFORE_EXIT_MS, () => containerExited(cluster, running, c, b === "complete" ? 0 : 1, restarts));
}

async function runAgent(cluster: ClusterState, pod: Pod, c: Container, restarts: number): Promise<void> {
  let a: AgentContainer;
  try {
    a = await startAgentContainer(cluster, pod, c);
  } catch (err) {
    console.error(`sim ${cluster.name}: cannot start agent container ${pod.metadata.name}/${c.name}:`, (err as Error).message);
    containerExited(cluster, pod, c, 128, restarts);
    return;
  }
  const byPod = runtimes(cluster);
  const m = byPod.get(pod.metadata.uid) ?? new Map<string, { current: AgentContainer; previous?: AgentContainer }>();
  byPod.set(pod.metadata.uid, m);
  const prev = m.get(c.name)?.current;
  m.set(c.name, { current: a, previous: prev });
  if (cluster.faults.partition) a.child.kill("SIGSTOP");
  const { code, signal } = await a.exited;
  const exitCode = code ?? (signal === "SIGKILL" ? 137 : signal === "SIGTERM" ? 143 : 1);
  containerExited(cluster, pod, c, exitCode, restarts);
}

/** A container ended: record terminated state, then restart per restartPolicy with backoff. */
function containerExited(cluster: ClusterState, pod0: Pod, c: Container, exitCode: number, restarts: number): void {
  const pod = fresh(cluster, pod0);
  if (!pod || pod.metadata.deletionTimestamp) return;
  const prev = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  const startedAt = prev?.state.running?.startedAt ?? isoTime(cluster.now());
  const terminated = { exitCode, reason: exitCode === 0 ? "Completed" : "Error", startedAt, finishedAt: isoTime(cluster.now()), containerID: prev?.containerID };
  const policy = pod.spec.restartPolicy ?? "Always";
  const restart = policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
  if (!restart) {
    setOne(cluster, pod, c.name, { terminated });
    return;
  }
  const backoff = restarts === 0 ? 0 : Math.min(cluster.rt.crashLoopBaseMs * 2 ** (restarts - 1), MAX_BACKOFF_MS);
  let p2 = pod;
  if (backoff > 0) {
    const msg = `back-off ${Math.round(backoff / 1000)}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    p2 = setOne(cluster, pod, c.name, { waiting: { reason: "CrashLoopBackOff", message: msg } }, { last: { terminated } });
    recordEvent(cluster, p2, "Warning", "BackOff", "Back-off restarting failed container " + c.name + " in pod " + `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, "kubelet", pod.spec.nodeName);
  } else {
    p2 = setOne(cluster, pod, c.name, { terminated }, { last: { terminated } });
  }
  cluster.rt.timers.after(Math.max(backoff, 50), () => {
    const p3 = fresh(cluster, p2);
    if (!p3 || p3.metadata.deletionTimestamp) return;
    startContainer(cluster, p3, c, restarts + 1);
  });
}

/** Kubelet side of deletion: stop containers (SIGTERM/SIGKILL for agents), then remove. */
async function terminatePod(cluster: ClusterState, pod: Pod): Promise<void> {
  recordEvent(cluster, pod, "Normal", "Killing", `Stopping container ${pod.spec.containers[0]?.name ?? ""}`, "kubelet", pod.spec.nodeName);
  const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
  const m = runtimes(cluster).get(pod.metadata.uid);
  if (m) {
    await Promise.all([...m.values()].map((r) => stopAgentContainer(r.current, graceMs)));
    runtimes(cluster).delete(pod.metadata.uid);
  } else await new Promise<void>((r) => cluster.rt.timers.after(Math.min(graceMs, cluster.rt.podStartMs), r));
  const cur = fresh(cluster, pod);
  if (cur) removeObject(cluster, PODS(), cur);
}

const handled = new WeakMap<ClusterState, Set<string>>();

/** Drives one pod from its current state (called on every pod event). */
function reconcilePod(cluster: ClusterState, pod: Pod): void {
  const seen = handled.get(cluster) ?? new Set<string>();
  handled.set(cluster, seen);
  const uid = pod.metadata.uid;
  if (pod.metadata.deletionTimestamp) {
    if (seen.has(`del/${uid}`)) return;
    seen.add(`del/${uid}`);
    if (!pod.spec.nodeName) return void removeObject(cluster, PODS(), pod);
    void terminatePod(cluster, pod).finally(() => {
      seen.delete(`del/${uid}`);
      seen.delete(uid);
    });
    return;
  }
  if (!pod.spec.nodeName) return void schedulePod(cluster, pod);
  if (seen.has(uid) || (pod.status?.containerStatuses?.length ?? 0) > 0) return;
  seen.add(uid);
  const host = pod.spec.nodeName;
  if (cluster.bootstrapping) {
    for (const c of pod.spec.containers) {
      const cur = fresh(cluster, pod) ?? pod;
      if (containerBehavior(cluster, cur, c) === "complete") setOne(cluster, cur, c.name, { terminated: { exitCode: 0, reason: "Completed", startedAt: cur.metadata.creationTimestamp, finishedAt: isoTime(cluster.now() + 20_000) } });
      else if (containerBehavior(cluster, cur, c) !== "run") startContainer(cluster, cur, c, 0);
      else setOne(cluster, cur, c.name, { running: { startedAt: cur.metadata.creationTimestamp } });
    }
    return;
  }
  cluster.rt.timers.after(cluster.rt.podStartMs / 2, () => {
    const p = fresh(cluster, pod);
    if (!p || p.metadata.deletionTimestamp) return;
    const statuses = p.spec.containers.map((c) => containerStatus(c, uid, { waiting: { reason: "ContainerCreating" } }));
    const creating = cluster.store.commit("/pods", "MODIFIED", { ...p, status: { ...podStatusWith(p, "Pending", statuses, isoTime(cluster.now()), nodeIp(cluster, host), undefined), conditions: undefined } }) as Pod;
    cluster.rt.timers.after(cluster.rt.podStartMs, () => {
      for (const c of creating.spec.containers) startContainer(cluster, creating, c, 0);
    });
  });
}

/** Starts the simulated kubelets (and scheduler) of a cluster. */
export function startKubelet(cluster: ClusterState): void {
  cluster.store.subscribe("/pods", (ev) => {
    if (ev.type === "DELETED") return;
    const pod = ev.object as Pod;
    if (cluster.bootstrapping) reconcilePod(cluster, pod);
    else cluster.enqueue(`kubelet/${pod.metadata.uid}`, () => {
      const cur = fresh(cluster, pod);
      if (cur) reconcilePod(cluster, cur);
    });
  });
  cluster.stopHooks.push(async () => {
    const all = [...runtimes(cluster).values()].flatMap((m) => [...m.values()]);
    await Promise.all(all.map((r) => stopAgentContainer(r.current, 5000)));
  });
}
