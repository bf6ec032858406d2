import type { KubeTarget } from "./load-kube-target";
import { errorMessage } from "./logger";
import { KubeStatusError, listKube, watchKube, type KubeWatchEvent } from "./watch-kube";

const WATCH_SECONDS = 300;
const MAX_BACKOFF_MS = 30_000;

function keyOf(obj: Record<string, unknown>): string {
  const meta = (obj.metadata ?? {}) as { namespace?: string; name?: string; uid?: string };
  return meta.uid ?? `${meta.namespace ?? ""}/${meta.name ?? ""}`;
}

/**
 * The agent's projection cache of one collection of its own cluster: list, then watch from
 * the list's resourceVersion (bookmarks on), re-watch when the apiserver ends a watch, relist
 * on 410 Gone, back off on errors. `onChange` runs after every applied change (and after
 * each relist), and when the cache stops or starts following the apiserver (`synced`), so
 * the health summary can be recomputed and say whether it is current.
 */
export class KubeReflector<P> {
  private readonly items = new Map<string, P>();
  private resourceVersion: string | undefined;
  private readonly abort = new AbortController();
  /** True while the cache follows the apiserver (listed, watch open); false after a failure until it does again. */
  synced = false;
  /** True once the first list arrived: the cache has something to report, current or not. */
  listed = false;
  lastError: string | null = null;
  /** When the cache stopped being current (ms), null while it is. */
  notCurrentSince: number | null = null;

  constructor(
    private readonly target: KubeTarget,
    private readonly path: string,
    private readonly query: string,
    private readonly project: (obj: never) => P,
    private readonly onChange: () => void,
    private readonly timeoutMs = 15_000,
  ) {}

  values(): IterableIterator<P> {
    return this.items.values();
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.abort.abort();
  }

  private async relist(): Promise<void> {
    const { items, resourceVersion } = await listKube(this.target, this.path, this.query, this.timeoutMs);
    this.items.clear();
    for (const obj of items) this.items.set(keyOf(obj), this.project(obj as never));
    this.resourceVersion = resourceVersion;
    this.listed = true;
    this.markCurrent();
    this.onChange();
  }

  /** The collection is followed again (a relist, an open watch, a bookmark). */
  private markCurrent(): boolean {
    if (this.synced) return false;
    this.synced = true;
    this.lastError = null;
    this.notCurrentSince = null;
    return true;
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!this.resourceVersion) await this.relist();
        const params = new URLSearchParams(this.query);
        params.set("watch", "1");
        params.set("allowWatchBookmarks", "true");
        params.set("resourceVersion", this.resourceVersion ?? "0");
        params.set("timeoutSeconds", String(Math.round(WATCH_SECONDS * (0.8 + Math.random() * 0.4))));
        // The watch answering 200 proves the cache follows again, even on a quiet collection.
        await watchKube(this.target, `${this.path}?${params}`, (event) => this.apply(event), signal, undefined, () => {
          if (this.markCurrent()) this.onChange();
        });
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof KubeStatusError && error.status === 410) {
          this.resourceVersion = undefined; // history compacted: relist at once
          continue;
        }
        this.synced = false;
        this.notCurrentSince ??= Date.now();
        this.lastError = errorMessage(error);
        this.onChange();
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures) * (0.5 + Math.random() / 2);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    }
  }

  private apply(event: KubeWatchEvent): void {
    const obj = event.object;
    const rv = (obj.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (event.type === "BOOKMARK") {
      if (this.markCurrent()) this.onChange();
      return;
    }
    if (event.type === "DELETED") this.items.delete(keyOf(obj));
    else this.items.set(keyOf(obj), this.project(obj as never));
    this.markCurrent();
    this.onChange();
  }
}
