import "server-only";
import { EventEmitter } from "node:events";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";
import { listKubeTable, TABLE_ACCEPT } from "../k8s/list-kube-table";
import { readApiDiscovery } from "../k8s/read-api-discovery";
import { watchKubePath } from "../k8s/watch-kube-objects";

/** Discovery is re-read after this long even when the CRD watch saw nothing (aggregated APIs). */
const FRESH_MS = 5 * 60_000;
/** Without a live CRD watch (e.g. an older import without the CRD rule) it is re-read sooner. */
const FRESH_UNWATCHED_MS = 30_000;
/** A CRD watch nobody used for this long is closed. */
const IDLE_MS = 5 * 60_000;
const CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

interface Entry {
  resources?: TApiResource[];
  fetchedAt: number;
  inflight?: Promise<TApiResource[]>;
  lastUsed: number;
  watch?: AbortController;
  watchLive: boolean;
}

interface Cache {
  entries: Map<string, Entry>;
  events: EventEmitter;
  sweeper?: NodeJS.Timeout;
}

// Process-wide (server.ts and Next's route bundles load separate module copies).
const KEY = Symbol.for("outpost.discovery-cache");
type Holder = { [KEY]?: Cache };
function cache(): Cache {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const events = new EventEmitter();
    events.setMaxListeners(0);
    holder[KEY] = { entries: new Map(), events };
  }
  return holder[KEY];
}

function entryOf(clusterId: string): Entry {
  let entry = cache().entries.get(clusterId);
  if (!entry) {
    entry = { fetchedAt: 0, lastUsed: Date.now(), watchLive: false };
    cache().entries.set(clusterId, entry);
  }
  return entry;
}

function sweep(): void {
  const now = Date.now();
  for (const [clusterId, entry] of cache().entries) {
    if (now - entry.lastUsed > IDLE_MS && cache().events.listenerCount(clusterId) === 0) {
      entry.watch?.abort();
      cache().entries.delete(clusterId);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function invalidate(clusterId: string, entry: Entry): void {
  entry.fetchedAt = 0;
  cache().events.emit(clusterId);
}

/**
 * Watches the cluster's CRDs (as the console, metadata only): any CRD added, changed or
 * removed drops the cached discovery and tells subscribers. Resumes from the last
 * resourceVersion, relists on 410, backs off while the cluster cannot be asked.
 */
async function watchCrds(clusterId: string, entry: Entry, signal: AbortSignal): Promise<void> {
  let backoff = 2_000;
  while (!signal.aborted) {
    try {
      const list = await listKubeTable(clusterId, null, CRDS_PATH, { limit: 1, includeObject: "None", signal });
      let rv = list.metadata.resourceVersion ?? "";
      entry.watchLive = true;
      backoff = 2_000;
      for (;;) {
        let expired = false;
        for await (const event of watchKubePath(clusterId, null, CRDS_PATH, { resourceVersion: rv, accept: TABLE_ACCEPT, includeObject: "Metadata", signal })) {
          if (event.type === "ERROR") {
            expired = true;
            break;
          }
          const next = (event.object as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
          if (next) rv = next;
          if (event.type !== "BOOKMARK") invalidate(clusterId, entry);
        }
        if (expired || signal.aborted) break;
      }
      if (!signal.aborted) invalidate(clusterId, entry);
    } catch {
      // Refused (an import without the CRD rule) or unreachable: discovery falls back to a short TTL.
      entry.watchLive = false;
      if (signal.aborted) return;
      await pause(backoff, signal);
      backoff = Math.min(backoff * 2, 60_000);
    }
  }
}

function ensureWatch(clusterId: string, entry: Entry): void {
  cache().sweeper ??= setInterval(sweep, 60_000).unref();
  if (entry.watch) return;
  const controller = new AbortController();
  entry.watch = controller;
  void watchCrds(clusterId, entry, controller.signal).finally(() => {
    entry.watchLive = false;
    if (entry.watch === controller) entry.watch = undefined;
  });
}

/**
 * The resources `clusterId` serves (aggregated discovery, read as the console), cached per
 * cluster and dropped when a CRD appears, changes or disappears. Concurrent callers share
 * one read. Throws KubeError when the cluster cannot be asked and nothing is cached.
 */
export async function getApiResources(clusterId: string): Promise<TApiResource[]> {
  const entry = entryOf(clusterId);
  entry.lastUsed = Date.now();
  ensureWatch(clusterId, entry);
  const fresh = entry.watchLive ? FRESH_MS : FRESH_UNWATCHED_MS;
  if (entry.resources && Date.now() - entry.fetchedAt < fresh) return entry.resources;
  entry.inflight ??= readApiDiscovery(clusterId, null)
    .then((resources) => {
      entry.resources = resources;
      entry.fetchedAt = Date.now();
      return resources;
    })
    .finally(() => {
      entry.inflight = undefined;
    });
  return entry.inflight;
}

/** Calls `listener` when the cluster's served resources may have changed (a CRD came or went). */
export function onApiResourcesChanged(clusterId: string, listener: () => void): () => void {
  ensureWatch(clusterId, entryOf(clusterId));
  cache().events.on(clusterId, listener);
  return () => cache().events.off(clusterId, listener);
}

/** Drops a cluster's cached discovery and closes its CRD watch (cluster deleted; tests). */
export function forgetApiResources(clusterId: string): void {
  cache().entries.get(clusterId)?.watch?.abort();
  cache().entries.delete(clusterId);
}
