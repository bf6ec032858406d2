import "server-only";
import { slimObject } from "@/lib/shared/explorer/slim-object";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { InformerKey } from "../explorer/informer-key";
import type { ResourceInformer } from "../explorer/resource-informer";
import { holdInformer } from "../explorer/watch-hub";
import { listKubeObjects } from "../k8s/list-kube-objects";

export interface CollectedListOptions<P> {
  clusterId: string;
  resource: TExplorerResource;
  /** e.g. "type=Warning". */
  fieldSelector?: string;
  project: (obj: never) => P;
  timeoutMs: number;
}

/**
 * One cluster-wide collection the fleet collector reads, through the one cluster client
 * (lib/server/k8s) as the console itself:
 * - watch mode: the explorer's shared informer of that list (lib/server/explorer/watch-hub),
 *   so a pods page open on the same cluster and the collector share one upstream watch;
 * - poll mode: one list per pass, no watch.
 * Projections are computed when read and cached per object (an informer replaces an object
 * on every change, so the cache follows it without bookkeeping).
 */
export class CollectedList<P> {
  private held: { informer: ResourceInformer; release: () => void } | null = null;
  private polled: TKubeObject[] = [];
  private polledOk = false;
  private pollError: string | null = null;
  private polls = 0;
  private readonly projections = new WeakMap<TKubeObject, P>();

  constructor(private readonly opts: CollectedListOptions<P>) {}

  private get key(): InformerKey {
    const { clusterId, resource, fieldSelector } = this.opts;
    return { clusterId, resource, namespace: "", labelSelector: "", fieldSelector: fieldSelector ?? "", identity: null };
  }

  /** Watch mode: joins (or starts) the shared informer; resolves after its first list attempt. */
  async start(): Promise<void> {
    this.held ??= holdInformer(this.key);
    await this.held.informer.ready;
  }

  /** Poll mode: lists the collection now (replacing what the last poll read). */
  async refresh(): Promise<void> {
    const { clusterId, resource, fieldSelector, timeoutMs } = this.opts;
    this.polls++;
    try {
      const list = await listKubeObjects(clusterId, null, resource, { fieldSelector, timeoutMs, reserved: true });
      this.polled = list.items.map((item) => slimObject(resource, item));
      this.polledOk = true;
      this.pollError = null;
    } catch (error) {
      this.polledOk = false;
      this.pollError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  private objects(): Iterable<TKubeObject> {
    return this.held ? this.held.informer.items.values() : this.polled;
  }

  /** The projections of the current objects. */
  *values(): IterableIterator<P> {
    for (const obj of this.objects()) {
      let p = this.projections.get(obj);
      if (p === undefined) {
        p = this.opts.project(obj as never);
        this.projections.set(obj, p);
      }
      yield p;
    }
  }

  /** The current objects themselves (slimmed as the explorer caches them). */
  raw(): Iterable<TKubeObject> {
    return this.objects();
  }

  /** True while the objects are known to be current (listed and, in watch mode, watched). */
  get synced(): boolean {
    if (this.held) return this.held.informer.synced && this.held.informer.live && !this.held.informer.stopping;
    return this.polledOk;
  }

  get lastError(): string | null {
    return this.held ? (this.held.informer.error?.message ?? null) : this.pollError;
  }

  /** Upstream requests made for this collection (the shared informer's, in watch mode). */
  get requests(): number {
    return this.polls + (this.held?.informer.requests ?? 0);
  }

  stop(): void {
    this.held?.release();
    this.held = null;
  }
}
