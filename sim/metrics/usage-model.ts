import { createHash } from "node:crypto";
import type { KubeObject, Pod } from "../store/kube-types";
import { parseQuantity } from "./quantity";

/** How long one metrics window lasts (k3s runs metrics-server with a 15 s resolution). */
export const WINDOW_MS = 15_000;
/** Pod annotation choosing a workload's load: `idle`, `normal` (default) or `busy`. */
export const LOAD_ANNOTATION = "sim.outpost.dev/load";

const LOAD: Record<string, number> = { idle: 0.03, normal: 0.25, busy: 0.8 };
const MI = 2 ** 20;

/** Usage of one container or node: CPU in cores, memory in bytes. */
export interface Usage {
  cpu: number;
  memory: number;
}

/** A deterministic number in [0, 1) for a key and metrics window. */
function unit(seed: number, key: string, window: number): number {
  return createHash("sha256").update(`${seed}|${key}|${window}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** What an image uses at rest: (millicores, MiB). */
function imageBaseline(image: string): [number, number] {
  const table: [RegExp, number, number][] = [
    [/coredns/, 3, 18],
    [/traefik/, 2, 45],
    [/metrics-server/, 4, 22],
    [/local-path-provisioner/, 1, 9],
    [/klipper-lb/, 0.1, 0.6],
    [/edgexfoundry/, 4, 26],
    [/outpost\/agent/, 3, 48],
    [/nginx/, 0.5, 4],
  ];
  for (const [re, cpu, mem] of table) if (re.test(image)) return [cpu, mem];
  return [2, 12];
}

interface ContainerSpecLike {
  name: string;
  image: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

/**
 * Usage of each container of a running pod in a metrics window: the image's baseline plus a
 * share of the CPU request (or limit) set by the pod's load annotation, jittered per window;
 * CPU never above the limit, memory never above 95 % of it. A container that is not running
 * (crash-looping, waiting) uses nothing; one that restarted lately only a little.
 */
export function containerUsage(seed: number, pod: Pod, window: number): { name: string; usage: Usage }[] {
  const load = LOAD[pod.metadata.annotations?.[LOAD_ANNOTATION] ?? "normal"] ?? LOAD.normal!;
  return pod.spec.containers.map((c) => {
    const spec = c as ContainerSpecLike;
    const status = pod.status?.containerStatuses?.find((s) => s.name === c.name) as { state?: { running?: { startedAt?: string } }; restartCount?: number } | undefined;
    if (!status?.state?.running) return { name: c.name, usage: { cpu: 0, memory: 0 } };
    const key = `${pod.metadata.uid}/${c.name}`;
    const [baseCpu, baseMem] = imageBaseline(spec.image);
    const reqCpu = parseQuantity(spec.resources?.requests?.cpu);
    const limCpu = parseQuantity(spec.resources?.limits?.cpu);
    const reqMem = parseQuantity(spec.resources?.requests?.memory);
    const limMem = parseQuantity(spec.resources?.limits?.memory);
    const refCpu = reqCpu ?? limCpu ?? (load >= LOAD.busy! ? 0.25 : 0);
    let cpu = (baseCpu / 1000) * (0.6 + 0.8 * unit(seed, `${key}/cpu0`, window)) + load * refCpu * (0.7 + 0.6 * unit(seed, `${key}/cpu1`, window));
    let memory = baseMem * MI * (0.9 + 0.2 * unit(seed, `${key}/mem0`, window)) + load * (reqMem ?? 0) * (0.6 + 0.3 * unit(seed, `${key}/mem1`, window));
    // A container restarted in the last minute has barely started (a crash loop between its crashes).
    const started = Date.parse(status.state.running.startedAt ?? "");
    if ((status.restartCount ?? 0) > 0 && Number.isFinite(started) && window * WINDOW_MS - started < 60_000) {
      cpu *= 0.1;
      memory *= 0.3;
    }
    if (limCpu !== undefined) cpu = Math.min(cpu, limCpu);
    if (limMem !== undefined) memory = Math.min(memory, limMem * 0.95);
    return { name: c.name, usage: { cpu, memory } };
  });
}

/**
 * A node's usage: k3s itself (much more on a server, which runs the control plane) plus the
 * pods running on it, never above its allocatable.
 */
export function nodeUsage(seed: number, node: KubeObject, podsUsage: Usage[], window: number): Usage {
  const labels = node.metadata.labels ?? {};
  const server = "node-role.kubernetes.io/control-plane" in labels || "node-role.kubernetes.io/master" in labels;
  const key = node.metadata.name;
  let cpu = (server ? 0.12 : 0.025) + (server ? 0.12 : 0.03) * unit(seed, `${key}/cpu`, window);
  let memory = (server ? 680 : 250) * MI + (server ? 160 : 60) * MI * unit(seed, `${key}/mem`, window);
  for (const u of podsUsage) {
    cpu += u.cpu;
    memory += u.memory;
  }
  const alloc = ((node.status ?? {}) as { allocatable?: Record<string, unknown> }).allocatable ?? {};
  const allocCpu = parseQuantity(alloc.cpu);
  const allocMem = parseQuantity(alloc.memory);
  if (allocCpu !== undefined) cpu = Math.min(cpu, allocCpu);
  if (allocMem !== undefined) memory = Math.min(memory, allocMem);
  return { cpu, memory };
}
