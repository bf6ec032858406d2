import { AGENT_BOOTSTRAP_SCRIPT } from "@/lib/shared/agent/agent-bootstrap";
import type { Condition, Container, ContainerState, ContainerStatus, Pod, PodStatus } from "../store/kube-types";

/** How a simulated container behaves (annotation sim.outpost.dev/behavior or image hints). */
export type Behavior = "run" | "crash" | "complete" | "error" | "imagepull" | "agent";

export const BEHAVIOR_ANNOTATION = "sim.outpost.dev/behavior";

/** Whether an image reference matches the agent image pattern (repository, any tag). */
export function isAgentImage(image: string, agentImage: string): boolean {
  const repo = image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
  const want = agentImage.replace(/:[^/:]+$/, "");
  return repo === want || repo.endsWith(`/${want}`);
}

/** Whether an image is the official Node.js image (`node`, `library/node`, `docker.io/library/node`, any tag or digest). */
export function isNodeImage(image: string): boolean {
  const repo = image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
  return repo === "node" || repo === "library/node" || repo === "docker.io/library/node";
}

/**
 * The Outpost agent bootstrap on the public Node.js image: `command` is exactly
 * `["node", "-e", <the bootstrap>]`. Only this program is run for real on the host; any
 * other Node.js container is simulated (behaviour "run"), so applying a pod never executes
 * arbitrary code on the machine running the simulator.
 */
export function isAgentBootstrap(c: Container): boolean {
  const cmd = c.command ?? [];
  return isNodeImage(c.image) && cmd.length === 3 && cmd[0] === "node" && cmd[1] === "-e" && cmd[2] === AGENT_BOOTSTRAP_SCRIPT;
}

/** Whether the kubelet runs this container as a real process (the agent image, or the bootstrap on Node.js). */
export function runsAgent(c: Container, agentImage: string): boolean {
  return isAgentImage(c.image, agentImage) || isAgentBootstrap(c);
}

/** Behaviour of a pod's containers. */
export function behaviorOf(pod: Pod, agentImage: string): Behavior {
  if (pod.spec.containers.some((c) => runsAgent(c, agentImage))) return "agent";
  const a = pod.metadata.annotations?.[BEHAVIOR_ANNOTATION];
  if (a === "crash" || a === "complete" || a === "error" || a === "imagepull" || a === "run") return a;
  if (pod.metadata.ownerReferences?.some((r) => r.kind === "Job")) return "complete";
  const images = pod.spec.containers.map((c) => c.image).join(" ");
  if (/does-not-exist|invalid-image|:missing\b/.test(images)) return "imagepull";
  if (/crash/.test(images)) return "crash";
  return "run";
}

export function imageId(image: string): string {
  const full = image.includes("/") ? (image.split("/")[0]?.includes(".") ? image : `docker.io/${image}`) : `docker.io/library/${image}`;
  let h = 0;
  for (const ch of image) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `${full.replace(/:[^/:]+$/, "")}@sha256:${h.toString(16).padStart(8, "0").repeat(8)}`;
}

export function containerId(podUid: string, name: string, restart: number): string {
  let h = 7;
  for (const ch of `${podUid}${name}${restart}`) h = (Math.imul(h, 131) + ch.charCodeAt(0)) >>> 0;
  return `containerd://${h.toString(16).padStart(8, "0").repeat(8)}`;
}

/** A container status with a given state (lastState/restarts carried over). */
export function containerStatus(c: Container, podUid: string, state: ContainerState, prev?: ContainerStatus, restarts?: number): ContainerStatus {
  const restartCount = restarts ?? prev?.restartCount ?? 0;
  const running = state.running !== undefined;
  return {
    name: c.name,
    image: c.image,
    imageID: state.waiting?.reason === "ContainerCreating" || state.waiting?.reason === "ErrImagePull" || state.waiting?.reason === "ImagePullBackOff" ? "" : imageId(c.image),
    ...(state.waiting?.reason === "ContainerCreating" || state.waiting?.reason?.includes("Image") ? {} : { containerID: containerId(podUid, c.name, restartCount) }),
    ready: running,
    started: running,
    restartCount,
    state,
    lastState: prev?.lastState ?? {},
  };
}

function cond(type: string, ok: boolean, at: string, reason?: string): Condition {
  return { type, status: ok ? "True" : "False", lastProbeTime: null, lastTransitionTime: at, ...(reason ? { reason } : {}) };
}

/** Pod conditions from container readiness (kubelet's PodReadyToStartContainers et al.). */
export function podConditions(at: string, initialized: boolean, ready: boolean, completed = false): Condition[] {
  return [
    cond("PodReadyToStartContainers", initialized && !completed, at),
    cond("Initialized", initialized, at, completed ? "PodCompleted" : undefined),
    cond("Ready", ready, at, completed ? "PodCompleted" : ready ? undefined : "ContainersNotReady"),
    cond("ContainersReady", ready, at, completed ? "PodCompleted" : ready ? undefined : "ContainersNotReady"),
    cond("PodScheduled", true, at),
  ];
}

/** Status of a pod whose containers all run (or are all in the given state). */
export function podStatusWith(pod: Pod, phase: PodStatus["phase"], statuses: ContainerStatus[], at: string, hostIP: string, podIP: string | undefined): PodStatus {
  const ready = statuses.every((s) => s.ready);
  const completed = phase === "Succeeded" || phase === "Failed";
  return {
    phase,
    conditions: podConditions(pod.status?.startTime ?? at, true, ready && !completed, completed),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: pod.status?.startTime ?? at,
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass ?? "BestEffort",
  };
}
