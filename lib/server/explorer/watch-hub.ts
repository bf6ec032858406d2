import "server-only";
import { informerKeyString, type InformerKey } from "./informer-key";
import { ResourceInformer, watchCounters, type InformerListener } from "./resource-informer";

interface Entry {
  informer: ResourceInformer;
  refs: number;
  closeTimer?: NodeJS.Timeout;
}

interface Hub {
  entries: Map<string, Entry>;
  /** How long an informer outlives its last viewer (a reload or tab switch reuses it). */
  lingerMs: number;
  /** How long a list request keeps its informer (the page's SSE subscription follows at once). */
  readLingerMs: number;
  /** First retry delay of an informer whose list or watch failed (doubles up to 15 s or to itself). */
  backoffMs: number;
}

// Process-wide: the SSE route, the list routes and server.ts share one hub.
const KEY = Symbol.for("outpost.explorer-watch-hub");
type Holder = { [KEY]?: Hub };
function hub(): Hub {
  return ((globalThis as Holder)[KEY] ??= { entries: new Map(), lingerMs: 5_000, readLingerMs: 30_000, backoffMs: 1_000 });
}

/**
 * Sets how long unused informers linger before their upstream watch is closed (tests use 0)
 * and, for tests, the first retry delay of a failed informer.
 */
export function configureWatchHub(opts: { lingerMs: number; readLingerMs?: number; backoffMs?: number }): void {
  hub().lingerMs = opts.lingerMs;
  hub().readLingerMs = opts.readLingerMs ?? opts.lingerMs;
  hub().backoffMs = opts.backoffMs ?? 1_000;
}

function acquire(key: InformerKey): Entry {
  const id = informerKeyString(key);
  let entry = hub().entries.get(id);
  if (!entry) {
    entry = { informer: new ResourceInformer(key, hub().backoffMs), refs: 0 };
    hub().entries.set(id, entry);
    entry.informer.start();
  }
  if (entry.closeTimer) clearTimeout(entry.closeTimer);
  entry.closeTimer = undefined;
  entry.refs++;
  return entry;
}

function release(key: InformerKey, entry: Entry): void {
  entry.refs--;
  if (entry.refs > 0) return;
  const close = () => {
    if (entry.refs > 0) return;
    entry.informer.stop();
    const id = informerKeyString(key);
    if (hub().entries.get(id) === entry) hub().entries.delete(id);
  };
  if (hub().lingerMs <= 0) close();
  else entry.closeTimer = setTimeout(close, hub().lingerMs).unref();
}

/**
 * Subscribes a viewer to a list: one upstream watch per (cluster, resource, namespace,
 * selector), shared by every viewer and reference counted. The listener first gets what it
 * lacks — nothing if `sinceResourceVersion` is the informer's, the changes since it if the
 * informer still remembers that version (the viewer's list came from this cache), else a
 * `snapshot` — and the current `status`, then every change. Returns the
 * unsubscribe function; the upstream watch closes when the last viewer leaves (after the
 * linger period).
 */
export async function subscribeToList(key: InformerKey, listener: InformerListener, sinceResourceVersion?: string): Promise<() => void> {
  const entry = acquire(key);
  let subscribed = true;
  const unsubscribe = () => {
    if (!subscribed) return;
    subscribed = false;
    entry.informer.listeners.delete(listener);
    release(key, entry);
  };
  await entry.informer.ready;
  if (!subscribed || entry.informer.stopping) return unsubscribe;
  const { informer } = entry;
  if (informer.synced) {
    const missed = sinceResourceVersion ? informer.changesSince(sinceResourceVersion) : null;
    if (missed) for (const message of missed) listener(message);
    else listener(informer.snapshotMessage());
  }
  listener({ type: "status", live: informer.live, error: informer.error });
  informer.listeners.add(listener);
  return unsubscribe;
}

/**
 * The informer of a list for one read (list routes serve from it): started if needed,
 * awaited until its first list attempt, and kept for `readLingerMs` afterwards — the page
 * that asked subscribes right after, with the resourceVersion it got, and needs no snapshot.
 */
export async function readInformer(key: InformerKey): Promise<ResourceInformer> {
  const entry = acquire(key);
  const linger = hub().readLingerMs;
  try {
    await entry.informer.ready;
    return entry.informer;
  } finally {
    if (linger <= 0) release(key, entry);
    else setTimeout(() => release(key, entry), linger).unref();
  }
}

/**
 * Keeps a list's informer running for a background reader (the fleet collector reads its
 * `items` each pass) until `release` is called; shared with every viewer of the same list,
 * so one resource of one cluster is watched upstream once whoever reads it.
 */
export function holdInformer(key: InformerKey): { informer: ResourceInformer; release: () => void } {
  const entry = acquire(key);
  let held = true;
  return {
    informer: entry.informer,
    release: () => {
      if (!held) return;
      held = false;
      release(key, entry);
    },
  };
}

/** Figures for tests and benchmarks: informers, viewers, upstream watches open now and ever opened. */
export function watchHubStats(): { informers: number; viewers: number; openUpstreamWatches: number; upstreamWatchesOpened: number } {
  let viewers = 0;
  for (const entry of hub().entries.values()) viewers += entry.informer.listeners.size;
  const counters = watchCounters();
  return { informers: hub().entries.size, viewers, openUpstreamWatches: counters.open, upstreamWatchesOpened: counters.opened };
}

/**
 * Upstream watches open now for one resource of one cluster, whoever reads them (viewers,
 * list requests, the fleet collector): the figure "one pod watch per cluster" is checked on.
 */
export function upstreamWatchesOf(clusterId: string, resource: string): number {
  let n = 0;
  for (const { informer } of hub().entries.values()) if (informer.key.clusterId === clusterId && informer.key.resource === resource && informer.watching) n++;
  return n;
}

/** Stops every informer (console shutdown). */
export function stopWatchHub(): void {
  for (const entry of hub().entries.values()) {
    if (entry.closeTimer) clearTimeout(entry.closeTimer);
    entry.informer.stop();
  }
  hub().entries.clear();
}
