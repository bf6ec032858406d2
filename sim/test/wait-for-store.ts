import type { ClusterState } from "../cluster/cluster-state";

/**
 * Resolves with the first truthy answer of `check`, evaluated now and after every commit
 * to the cluster's store (no polling, no sleeps); rejects after `timeoutMs` naming `what`.
 */
export function waitForStore<T>(state: ClusterState, what: string, check: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = state.store.subscribeAll(() => {
      const v = check();
      if (!v) return;
      clearTimeout(timer);
      // Unsubscribe after the current commit has been delivered to every listener.
      queueMicrotask(off);
      resolve(v);
    });
  });
}
