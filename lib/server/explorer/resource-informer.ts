import "server-only";
import { slimObject } from "@/lib/shared/explorer/slim-object";
import type { TClusterError, TKubeObject, TWatchMessage } from "@/lib/shared/explorer/explorer.schema";
import { onClusterChanged } from "../clusters/cluster-change-events";
import { KubeError, kubeErrorFromResponse } from "../k8s/kube-error";
import { listKubeObjects } from "../k8s/list-kube-objects";
import { watchKubeObjects } from "../k8s/watch-kube-objects";
import { usesReservedStreams, type InformerKey } from "./informer-key";

export type InformerListener = (message: TWatchMessage) => void;

const MIN_BACKOFF_MS = 1_000;
/** Versions remembered for viewers that subscribe a little after their list was served. */
const HISTORY_SIZE = 512;
const MAX_BACKOFF_MS = 15_000;

function objectKey(obj: TKubeObject): string {
  return `${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}`;
}

function asClusterError(error: unknown, clusterId: string): TClusterError {
  if (error instanceof KubeError) return error.toData();
  const message = error instanceof Error ? error.message : String(error);
  return { code: "unavailable", status: 503, reason: "WatchFailed", message: `Watch of cluster ${clusterId} failed: ${message}` };
}

/** Counts upstream watch requests currently open, process-wide (benchmarks and tests read it). */
const COUNTER = Symbol.for("outpost.explorer-open-watches");
type CounterHolder = { [COUNTER]?: { open: number; opened: number } };
export function watchCounters(): { open: number; opened: number } {
  return ((globalThis as CounterHolder)[COUNTER] ??= { open: 0, opened: 0 });
}

/**
 * One list of one cluster kept current by one upstream watch (an informer): list, then
 * watch from the list's resourceVersion; a watch the server ends is resumed from the last
 * resourceVersion seen (bookmarks keep it fresh); 410 Expired → relist and send a new
 * snapshot; failures (cluster gone, timeout) → status "not live" with the error, retried
 * with backoff while anyone listens. Runs as the key's identity: the agent itself for most
 * kinds (callers check the viewer's own access before they subscribe, see
 * probe-list-access.ts), the viewer for ConfigMaps and Secrets (see informer-key.ts).
 */
export class ResourceInformer {
  readonly items = new Map<string, TKubeObject>();
  resourceVersion = "";
  /** Bumped on every change of `items` (keys the cached snapshot message). */
  private revision = 0;
  private cachedSnapshot?: { revision: number; message: Extract<TWatchMessage, { type: "snapshot" }> };
  /** Recent versions (with their change, if any) for changesSince. */
  private readonly history: Array<{ rv: string; message?: TWatchMessage }> = [];
  synced = false;
  live = false;
  /** Upstream requests made (lists and watches), for load figures and tests. */
  requests = 0;
  /** True while an upstream watch request is open. */
  watching = false;
  error: TClusterError | null = null;
  readonly listeners = new Set<InformerListener>();
  /** Resolves after the first list attempt, successful or not. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly controller = new AbortController();
  private stopped = false;
  /** Ends the current backoff pause early (set while pausing). */
  private wake: (() => void) | null = null;
  /** Waiters for the end of the next list attempt (see retryNow). */
  private attemptWaiters: Array<() => void> = [];

  constructor(
    readonly key: InformerKey,
    private readonly minBackoffMs = MIN_BACKOFF_MS,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
    this.listeners.clear();
    this.markReady();
    this.attemptEnded();
  }

  get stopping(): boolean {
    return this.stopped;
  }

  /**
   * An informer that has not listed yet, and is waiting out a backoff, lists again now;
   * resolves when that attempt ends (successful or not). Callers use it when they know the
   * cluster answers again (the user's own access probe just succeeded).
   */
  retryNow(): Promise<void> {
    if (this.synced || this.stopped) return Promise.resolve();
    const attempted = new Promise<void>((resolve) => this.attemptWaiters.push(resolve));
    this.wake?.();
    return attempted;
  }

  private attemptEnded(): void {
    const waiters = this.attemptWaiters;
    this.attemptWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The cached objects, sorted by namespace and name. */
  snapshot(): TKubeObject[] {
    return [...this.items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  }

  /**
   * The snapshot as one message object, reused until the list changes: viewers joining
   * together share it, and its serialisation (see stream-resource-watch) is done once.
   */
  snapshotMessage(): Extract<TWatchMessage, { type: "snapshot" }> {
    if (this.cachedSnapshot?.revision !== this.revision) {
      this.cachedSnapshot = { revision: this.revision, message: { type: "snapshot", resourceVersion: this.resourceVersion, items: this.snapshot() } };
    }
    return this.cachedSnapshot.message;
  }

  /**
   * The changes a viewer missed since `resourceVersion` (the version its list was served
   * at), from a short history — or null when that version is not in it (then it needs a
   * snapshot). On a busy cluster the version moves between a page's list and its
   * subscription; replaying a few changes beats resending 5,000 pods.
   */
  changesSince(resourceVersion: string): TWatchMessage[] | null {
    if (resourceVersion === this.resourceVersion) return [];
    let at = -1;
    for (let i = this.history.length - 1; i >= 0; i--) {
      if (this.history[i]!.rv === resourceVersion) {
        at = i;
        break;
      }
    }
    if (at < 0) return null;
    return this.history.slice(at + 1).flatMap((h) => (h.message ? [h.message] : []));
  }

  private remember(rv: string, message?: TWatchMessage): void {
    this.history.push({ rv, message });
    if (this.history.length > HISTORY_SIZE) this.history.splice(0, this.history.length - HISTORY_SIZE);
  }

  private emit(message: TWatchMessage): void {
    if (message.type === "change") this.remember(message.resourceVersion, message);
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken viewer must not stop the others.
      }
    }
  }

  private setStatus(live: boolean, error: TClusterError | null): void {
    if (this.live === live && this.error?.message === error?.message) return;
    this.live = live;
    this.error = error;
    this.emit({ type: "status", live, error });
  }

  private async run(): Promise<void> {
    let backoff = this.minBackoffMs;
    while (!this.stopped) {
      try {
        await this.relist();
        this.attemptEnded();
        backoff = this.minBackoffMs;
        await this.watchUntilExpired();
      } catch (error) {
        if (this.stopped) break;
        this.setStatus(false, asClusterError(error, this.key.clusterId));
        this.markReady();
        this.attemptEnded();
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, Math.max(MAX_BACKOFF_MS, this.minBackoffMs));
      }
    }
  }

  /**
   * Waits `ms` before the next attempt — or less: a change of the cluster (its agent
   * connected, it turned Active) retries at once, so a list that failed while the cluster
   * was Pending is not left waiting out its backoff after the cluster came up.
   */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        this.wake = null;
        this.controller.signal.removeEventListener("abort", done);
        resolve();
      };
      this.wake = done;
      const timer = setTimeout(done, ms);
      const off = onClusterChanged(this.key.clusterId, done);
      this.controller.signal.addEventListener("abort", done, { once: true });
    });
  }

  private async relist(): Promise<void> {
    const { clusterId, resource, namespace, labelSelector, fieldSelector, identity } = this.key;
    this.requests++;
    const list = await listKubeObjects(clusterId, identity, resource, {
      namespace: namespace || undefined,
      labelSelector: labelSelector || undefined,
      fieldSelector: fieldSelector || undefined,
      signal: this.controller.signal,
      reserved: usesReservedStreams(this.key),
    });
    if (this.stopped) return;
    const next = new Map<string, TKubeObject>();
    for (const item of list.items) {
      const slim = slimObject(resource, item);
      next.set(objectKey(slim), slim);
    }
    const firstSync = !this.synced;
    const previous = new Map(this.items);
    this.items.clear();
    for (const [k, v] of next) this.items.set(k, v);
    this.resourceVersion = list.resourceVersion;
    this.synced = true;
    this.revision++;
    // A list restarts the history: older versions cannot be related to this one.
    this.history.length = 0;
    if (firstSync) {
      this.remember(this.resourceVersion);
      this.emit({ type: "snapshot", resourceVersion: this.resourceVersion, items: this.snapshot() });
    } else {
      this.remember(this.resourceVersion);
      // A relist (after 410 or a lost link) is sent as the difference: after a reconnect
      // most objects are unchanged, and 100 viewers of 5,000 pods must not get 5,000 each.
      const rv = this.resourceVersion;
      for (const [k, obj] of next) {
        const old = previous.get(k);
        if (!old) this.emit({ type: "change", event: "ADDED", object: obj, resourceVersion: rv });
        else if (old.metadata?.resourceVersion !== obj.metadata?.resourceVersion) this.emit({ type: "change", event: "MODIFIED", object: obj, resourceVersion: rv });
      }
      for (const [k, old] of previous) if (!next.has(k)) this.emit({ type: "change", event: "DELETED", object: old, resourceVersion: rv });
    }
    this.setStatus(true, null);
    this.markReady();
  }

  /** Watches (resuming after normal ends) until the server says the resourceVersion expired. */
  private async watchUntilExpired(): Promise<void> {
    const { clusterId, resource, namespace, labelSelector, fieldSelector, identity } = this.key;
    const reserved = usesReservedStreams(this.key);
    while (!this.stopped) {
      const started = Date.now();
      let events = 0;
      const counters = watchCounters();
      counters.open++;
      counters.opened++;
      this.requests++;
      this.watching = true;
      try {
        const watch = watchKubeObjects(clusterId, identity, resource, {
          namespace: namespace || undefined,
          labelSelector: labelSelector || undefined,
          fieldSelector: fieldSelector || undefined,
          resourceVersion: this.resourceVersion,
          signal: this.controller.signal,
          reserved,
        });
        for await (const event of watch) {
          events++;
          if (event.type === "ERROR") {
            if (event.object.code === 410) return;
            throw kubeErrorFromResponse(clusterId, event.object.code ?? 500, JSON.stringify(event.object));
          }
          const rv = event.object.metadata?.resourceVersion;
          if (rv) this.resourceVersion = rv;
          if (event.type === "BOOKMARK") {
            this.remember(this.resourceVersion);
            continue;
          }
          const slim = slimObject(resource, event.object);
          if (event.type === "DELETED") this.items.delete(objectKey(slim));
          else this.items.set(objectKey(slim), slim);
          this.revision++;
          this.emit({ type: "change", event: event.type, object: slim, resourceVersion: this.resourceVersion });
        }
      } catch (error) {
        // The cluster refused or the tunnel is gone: the caller backs off and relists.
        // A stream cut mid-watch (link drop) is resumed below from the last resourceVersion.
        if (error instanceof KubeError || this.stopped) throw error;
      } finally {
        counters.open--;
        this.watching = false;
      }
      if (this.stopped) return;
      this.setStatus(true, null);
      // A watch that ends at once and empty is a misbehaving server or link: do not spin.
      if (events === 0 && Date.now() - started < 1_000) await this.pause(MIN_BACKOFF_MS);
    }
  }
}
