import type { KubeObject } from "./kube-types";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One committed change, as kept in the bounded watch history. */
export interface StoreEvent {
  type: WatchEventType;
  storage: string;
  object: KubeObject;
  rv: number;
}

export type StoreListener = (ev: StoreEvent) => void;

/** Kubernetes timestamp (RFC 3339, second precision) of a time in ms. */
export function isoTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Storage key of an object inside one resource table. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * The etcd of one simulated cluster: resource tables, a single resourceVersion counter and
 * a bounded ring of recent events for watches. Objects are never mutated after commit.
 */
export class ObjectStore {
  private rv = 100;
  private readonly tables = new Map<string, Map<string, KubeObject>>();
  private readonly ring: (StoreEvent | undefined)[];
  private ringStart = 0;
  private ringLen = 0;
  private readonly listeners = new Map<string, Set<StoreListener>>();
  private readonly anyListeners = new Set<StoreListener>();

  constructor(historySize = 256) {
    this.ring = new Array<StoreEvent | undefined>(historySize);
  }

  /** Current resourceVersion (what a list returns). */
  currentRv(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may resume from without 410 Gone. */
  oldestResumableRv(): number {
    if (this.ringLen < this.ring.length) return 0;
    const first = this.ring[this.ringStart];
    return first ? first.rv - 1 : 0;
  }

  table(storage: string): Map<string, KubeObject> {
    let t = this.tables.get(storage);
    if (!t) {
      t = new Map();
      this.tables.set(storage, t);
    }
    return t;
  }

  get(storage: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(storage)?.get(objectKey(namespace, name));
  }

  /** Objects of a table (optionally one namespace), sorted by key like etcd. */
  list(storage: string, namespace?: string): KubeObject[] {
    const t = this.tables.get(storage);
    if (!t) return [];
    const keys = [...t.keys()].sort();
    const out: KubeObject[] = [];
    const prefix = namespace ? `${namespace}/` : undefined;
    for (const k of keys) {
      if (prefix && !k.startsWith(prefix)) continue;
      const o = t.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  count(storage: string): number {
    return this.tables.get(storage)?.size ?? 0;
  }

  /**
   * Commits a new version of an object: stamps a fresh resourceVersion (the caller's
   * object is copied at the top and metadata levels only), stores it and notifies watchers.
   */
  commit(storage: string, type: WatchEventType, obj: KubeObject): KubeObject {
    this.rv += 1;
    const stored: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rv) } };
    const key = objectKey(stored.metadata.namespace, stored.metadata.name);
    if (type === "DELETED") this.tables.get(storage)?.delete(key);
    else this.table(storage).set(key, stored);
    const ev: StoreEvent = { type, storage, object: stored, rv: this.rv };
    this.pushHistory(ev);
    for (const l of this.listeners.get(storage) ?? []) l(ev);
    for (const l of this.anyListeners) l(ev);
    return stored;
  }

  private pushHistory(ev: StoreEvent): void {
    const cap = this.ring.length;
    if (this.ringLen < cap) {
      this.ring[(this.ringStart + this.ringLen) % cap] = ev;
      this.ringLen += 1;
    } else {
      this.ring[this.ringStart] = ev;
      this.ringStart = (this.ringStart + 1) % cap;
    }
  }

  /** Events of a table after rv, or "expired" when the history no longer reaches back. */
  eventsSince(storage: string, rv: number): StoreEvent[] | "expired" {
    if (rv < this.oldestResumableRv()) return "expired";
    const out: StoreEvent[] = [];
    for (let i = 0; i < this.ringLen; i++) {
      const ev = this.ring[(this.ringStart + i) % this.ring.length];
      if (ev && ev.rv > rv && ev.storage === storage) out.push(ev);
    }
    return out;
  }

  /** Subscribes to commits of one table; returns the unsubscribe function. */
  subscribe(storage: string, l: StoreListener): () => void {
    let set = this.listeners.get(storage);
    if (!set) {
      set = new Set();
      this.listeners.set(storage, set);
    }
    set.add(l);
    return () => set.delete(l);
  }

  /** Subscribes to every commit (controllers). */
  subscribeAll(l: StoreListener): () => void {
    this.anyListeners.add(l);
    return () => this.anyListeners.delete(l);
  }
}
