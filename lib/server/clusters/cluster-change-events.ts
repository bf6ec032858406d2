import "server-only";
import { EventEmitter } from "node:events";

// Process-wide (server.ts and Next's route bundles load separate module copies).
const KEY = Symbol.for("outpost.cluster-change-events");
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = new EventEmitter();
    holder[KEY].setMaxListeners(0); // one listener per open cluster page
  }
  return holder[KEY];
}

/**
 * Tells open pages of these clusters that the cluster row changed (state, reason, what its
 * agent reported): the state monitor and the agent report call it after their writes.
 * In-process: pages on another replica hear it at their next state pass.
 */
export function notifyClusterChanged(clusterIds: Iterable<string>): void {
  for (const id of clusterIds) emitter().emit(id);
}

/** Calls `listener` whenever cluster `clusterId` changed; returns the unsubscribe function. */
export function onClusterChanged(clusterId: string, listener: () => void): () => void {
  emitter().on(clusterId, listener);
  return () => emitter().off(clusterId, listener);
}
