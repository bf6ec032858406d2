import "server-only";
import type { TFleetStreamEvents } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetCluster, TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { log } from "../log/logger";
import { getFleetSummary } from "./get-fleet-summary";
import { loadFleetConfig } from "./fleet-config";
import { readFleetChanges, type FleetDb } from "./read-fleet-changes";

/** One server-sent event, serialised once and written to every subscriber. */
export function sseFrame<E extends keyof TFleetStreamEvents>(event: E, data: TFleetStreamEvents[E]): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface HubSubscriber {
  rows: "all" | "changes";
  /**
   * The clusters this subscriber may see (a principal with scoped roles only): its frames
   * carry only those rows and totals counted over them (one extra summary query per
   * distinct scope and interval). Absent = the whole fleet.
   */
  scope?: ReadonlySet<string>;
  /** Writes a frame; returns false when the client cannot keep up (the hub then drops it). */
  write(frame: string): boolean;
  close(): void;
}

/**
 * Live updates for every open fleet dashboard from ONE database read per interval:
 * the hub asks Postgres for the totals and the rows whose signature changed since its last
 * read (readFleetChanges), keeps the fleet in memory, and sends the same serialised delta
 * (totals + changed rows + removed ids) to every subscriber. It
 * reads only while someone listens; a new subscriber gets its first message from memory
 * (or from the read in flight), never from a read of its own.
 */
export class FleetStreamHub {
  private readonly subscribers = new Set<HubSubscriber>();
  /** Subscribers that already got their `init` frame. */
  private readonly initialized = new WeakSet<HubSubscriber>();
  private signatures = new Map<string, string>();
  private rows = new Map<string, TFleetCluster>();
  private summary: TFleetSummary | null = null;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  /** Database reads so far (tests and benchmarks check one per interval). */
  reads = 0;

  constructor(
    private readonly pushIntervalMs: number,
    private readonly healthIntervalMs: number,
    private readonly db?: FleetDb,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Adds a subscriber; resolves after its `init` frame was written. Returns the unsubscribe function. */
  async subscribe(sub: HubSubscriber): Promise<() => void> {
    this.subscribers.add(sub);
    if (!this.timer) {
      this.timer = setInterval(() => void this.read(), this.pushIntervalMs);
      this.timer.unref();
    }
    if (this.summary) await this.init(sub);
    else await this.read(); // the read in flight, or the first one; it sends `init`
    return () => this.unsubscribe(sub);
  }

  /** Totals over a scoped subscriber's clusters (one query; the same scope is read once per interval). */
  private scopedSummary(scope: ReadonlySet<string>, cache?: Map<string, Promise<TFleetSummary>>): Promise<TFleetSummary> {
    const ids = [...scope].sort();
    const key = ids.join("\n");
    const cached = cache?.get(key);
    if (cached) return cached;
    const summary = getFleetSummary(this.healthIntervalMs, { all: false, ids }, this.db ?? undefined);
    cache?.set(key, summary);
    return summary;
  }

  private unsubscribe(sub: HubSubscriber): void {
    if (!this.subscribers.delete(sub) || this.subscribers.size > 0) return;
    // Nobody listens: stop reading and forget the fleet (memory stays flat between viewers).
    clearInterval(this.timer);
    this.timer = undefined;
    this.signatures = new Map();
    this.rows = new Map();
    this.summary = null;
  }

  private async init(sub: HubSubscriber, cache?: Map<string, Promise<TFleetSummary>>): Promise<void> {
    if (!this.summary || this.initialized.has(sub)) return;
    this.initialized.add(sub);
    const scope = sub.scope;
    if (!scope) {
      this.deliver(sub, sseFrame("init", { summary: this.summary, rows: sub.rows === "all" ? [...this.rows.values()] : null }));
      return;
    }
    const summary = await this.scopedSummary(scope, cache);
    const rows = sub.rows === "all" ? [...this.rows.values()].filter((r) => scope.has(r.id)) : null;
    this.deliver(sub, sseFrame("init", { summary, rows }));
  }

  private deliver(sub: HubSubscriber, frame: string): void {
    let ok = false;
    try {
      ok = sub.write(frame);
    } catch {
      ok = false;
    }
    if (!ok) {
      this.unsubscribe(sub);
      sub.close();
    }
  }

  private read(): Promise<void> {
    if (this.reading) return this.reading; // an overrunning read is never doubled
    this.reading = (async () => {
      try {
        this.reads++;
        const delta = await readFleetChanges(this.signatures, this.healthIntervalMs, this.db);
        for (const { row, sig } of delta.changed) {
          this.rows.set(row.id, row);
          this.signatures.set(row.id, sig);
        }
        for (const id of delta.removed) {
          this.rows.delete(id);
          this.signatures.delete(id);
        }
        this.summary = delta.summary;
        let frame: string | undefined;
        const summaries = new Map<string, Promise<TFleetSummary>>();
        for (const sub of [...this.subscribers]) {
          const scope = sub.scope;
          if (!this.initialized.has(sub)) await this.init(sub, summaries);
          else if (!scope) this.deliver(sub, (frame ??= sseFrame("delta", { summary: this.summary, changed: delta.changed.map((c) => c.row), removed: delta.removed })));
          else {
            const summary = await this.scopedSummary(scope, summaries);
            const changed = delta.changed.map((c) => c.row).filter((r) => scope.has(r.id));
            this.deliver(sub, sseFrame("delta", { summary, changed, removed: delta.removed.filter((id) => scope.has(id)) }));
          }
        }
      } catch (error) {
        log.warn(`fleet stream: read failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  /** Ends every subscription (shutdown, tests). */
  close(): void {
    for (const sub of [...this.subscribers]) {
      this.unsubscribe(sub);
      sub.close();
    }
  }
}

// One hub per process (server.ts and Next's bundles load separate module copies).
const KEY = Symbol.for("outpost.fleet.stream-hub");
type Holder = { [KEY]?: FleetStreamHub };

/** The process-wide hub, created on first use from the fleet configuration. */
export function getFleetStreamHub(): FleetStreamHub {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const config = loadFleetConfig();
    holder[KEY] = new FleetStreamHub(config.pushIntervalMs, config.intervalMs);
  }
  return holder[KEY];
}

/** Ends every open fleet stream if the hub exists (shutdown: streams would hold the drain). */
export function closeFleetStreams(): void {
  (globalThis as Holder)[KEY]?.close();
}
