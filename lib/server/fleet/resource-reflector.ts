import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { KubeCallError, kubeGetJson, kubeWatch, type WatchEvent } from "./kube-fetch";

interface KubeList {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: Array<Record<string, unknown>>;
}

export interface ReflectorOptions<P> {
  /** Collection path, e.g. "/api/v1/pods". */
  path: string;
  /** Extra query, e.g. "fieldSelector=type%3DWarning". */
  query?: string;
  project: (obj: never) => P;
  timeoutMs: number;
}

const PAGE = 500;
// A watch the server keeps open at most this long (randomised so clusters do not re-watch in step).
const WATCH_SECONDS = 300;
const MAX_BACKOFF_MS = 30_000;

function keyOf(obj: Record<string, unknown>): string {
  const meta = (obj.metadata ?? {}) as { namespace?: string; name?: string; uid?: string };
  return meta.uid ?? `${meta.namespace ?? ""}/${meta.name ?? ""}`;
}

/**
 * A projection cache of one resource collection of one cluster: list once, then watch from
 * the list's resourceVersion (bookmarks on), re-watching when the server ends a watch and
 * relisting on 410 Gone. `synced` is true while the cache is known to be current (a list
 * succeeded and the watch is open). `refresh()` relists without watching (poll mode).
 */
export class ResourceReflector<P> {
  private readonly items = new Map<string, P>();
  private resourceVersion: string | undefined;
  private abort = new AbortController();
  private running = false;
  synced = false;
  lastError: string | null = null;
  /** Requests made (lists, pages and watches), for load figures. */
  requests = 0;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: ReflectorOptions<P>,
  ) {}

  values(): IterableIterator<P> {
    return this.items.values();
  }

  get size(): number {
    return this.items.size;
  }

  /** Lists the whole collection (paged) and replaces the cache. */
  async refresh(): Promise<void> {
    const fresh = new Map<string, P>();
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      const params = new URLSearchParams(this.opts.query ?? "");
      params.set("limit", String(PAGE));
      if (cont) params.set("continue", cont);
      this.requests++;
      const list = await kubeGetJson<KubeList>(this.kc, `${this.opts.path}?${params}`, this.opts.timeoutMs);
      for (const obj of list.items ?? []) fresh.set(keyOf(obj), this.opts.project(obj as never));
      rv = list.metadata?.resourceVersion;
      cont = list.metadata?.continue || undefined;
    } while (cont);
    this.items.clear();
    for (const [k, v] of fresh) this.items.set(k, v);
    this.resourceVersion = rv;
    this.synced = true;
    this.lastError = null;
  }

  /** Starts list+watch in the background; resolves after the first list (or its failure). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let firstList: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (firstList = resolve));
    void this.loop(firstList);
    await listed;
  }

  stop(): void {
    this.running = false;
    this.synced = false;
    this.abort.abort();
    this.abort = new AbortController();
  }

  private async loop(firstList: () => void): Promise<void> {
    let failures = 0;
    const signal = this.abort.signal;
    while (this.running && !signal.aborted) {
      try {
        if (!this.resourceVersion) await this.refresh();
        firstList();
        await this.watchOnce(signal);
        failures = 0;
      } catch (error) {
        firstList();
        if (signal.aborted) break;
        if (error instanceof KubeCallError && error.status === 410) {
          this.resourceVersion = undefined; // history compacted: relist at once
          continue;
        }
        this.synced = false;
        this.lastError = error instanceof Error ? error.message : String(error);
        failures++;
        const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures) * (0.5 + Math.random() / 2);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, backoff);
          t.unref();
          signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
        });
      }
    }
  }

  private async watchOnce(signal: AbortSignal): Promise<void> {
    const params = new URLSearchParams(this.opts.query ?? "");
    params.set("watch", "1");
    params.set("allowWatchBookmarks", "true");
    params.set("resourceVersion", this.resourceVersion ?? "0");
    params.set("timeoutSeconds", String(Math.round(WATCH_SECONDS * (0.8 + Math.random() * 0.4))));
    this.requests++;
    await kubeWatch(this.kc, `${this.opts.path}?${params}`, {
      connectTimeoutMs: this.opts.timeoutMs,
      // Bookmarks arrive about once a minute on real apiservers (30 s in the simulator).
      inactivityMs: 90_000,
      signal,
      onOpen: () => {
        this.synced = true;
        this.lastError = null;
      },
      onEvent: (event) => this.apply(event),
    });
  }

  private apply(event: WatchEvent): void {
    const obj = event.object;
    if (event.type === "ERROR") {
      const code = Number((obj as { code?: number }).code ?? 0);
      throw new KubeCallError(`watch error: ${String((obj as { message?: string }).message ?? code)}`, code === 410 ? 410 : 0);
    }
    const rv = (obj.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (event.type === "BOOKMARK") return;
    if (event.type === "DELETED") this.items.delete(keyOf(obj));
    else this.items.set(keyOf(obj), this.opts.project(obj as never));
  }
}
