import type { ClusterState } from "../cluster/cluster-state";
import type { Container, Pod } from "../store/kube-types";
import type { Behavior } from "./pod-status";

/**
 * What a simulated container "does" when the kubelet starts it: a program sees the pod
 * (its env, args, mounted Secrets) and the restart number, acts on the cluster like the
 * real image would (klipper-helm installs a chart, k3s-upgrade replaces the node's k3s),
 * and answers how the container ends. `undefined` = not this program's image.
 */
export type ContainerProgram = (cluster: ClusterState, pod: Pod, container: Container, restarts: number) => Behavior | undefined;

const programs = new WeakMap<ClusterState, ContainerProgram[]>();
const outcomes = new WeakMap<ClusterState, Map<string, Behavior>>();

/** Registers a program for the containers of one cluster. */
export function registerContainerProgram(cluster: ClusterState, p: ContainerProgram): void {
  const list = programs.get(cluster) ?? [];
  list.push(p);
  programs.set(cluster, list);
}

/**
 * Runs the program of a container start at most once per (pod, container, restart): the
 * kubelet may ask for the behaviour of the same start several times.
 */
export function runContainerProgram(cluster: ClusterState, pod: Pod, c: Container, restarts: number): Behavior | undefined {
  const list = programs.get(cluster);
  if (!list) return undefined;
  const seen = outcomes.get(cluster) ?? new Map<string, Behavior>();
  outcomes.set(cluster, seen);
  const key = `${pod.metadata.uid}/${c.name}/${restarts}`;
  const done = seen.get(key);
  if (done) return done;
  for (const p of list) {
    const b = p(cluster, pod, c, restarts);
    if (b) {
      seen.set(key, b);
      if (seen.size > 10_000) seen.delete(seen.keys().next().value as string);
      return b;
    }
  }
  return undefined;
}
