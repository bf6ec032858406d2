import { randomUUID } from "node:crypto";
import type { THealthParts } from "@/lib/shared/fleet/health-push.schema";
import { EDGE_STATUS_PROTOCOL, HEALTH_PUSH_PROTOCOL, type TunnelControlMessage, type TunnelSession } from "@/lib/tunnel";
import type { Logger } from "./logger";

export interface HealthPushTimings {
  /** At most one message per this interval, unless a change matters at once. */
  healthMinIntervalMs: number;
  /** A message not acknowledged this long makes the next one a full resync. */
  healthAckTimeoutMs: number;
}

type PartKey = keyof THealthParts;

function newMembers(before: readonly string[], after: readonly string[]): boolean {
  const known = new Set(before);
  return after.some((x) => !known.has(x));
}

/** A change that goes out at once instead of waiting for the interval: a node NotReady, a new crash loop, caches no longer current. */
function isUrgent(before: THealthParts, after: THealthParts): boolean {
  return (
    (before.caches?.current !== false && after.caches?.current === false) ||
    newMembers(before.details.notReadyNodes.map((n) => n.name), after.details.notReadyNodes.map((n) => n.name)) ||
    newMembers(before.details.crashLoopingPods, after.details.crashLoopingPods) ||
    after.nodes.ready < before.nodes.ready ||
    after.pods.crashLooping > before.pods.crashLooping
  );
}

/**
 * The summary as a protocol-3 agent sent it, for a console that does not announce 4: its
 * strict schema refuses the newer parts, and it reads EdgeX itself.
 */
export function forOlderConsole(parts: THealthParts): THealthParts {
  const { workloads: _workloads, caches: _caches, ...rest } = parts;
  const { unavailableStatefulSets: _sets, unavailableDaemonSets: _daemons, ...details } = rest.details;
  return { ...rest, edgex: null, details: { ...details, edgexServicesDown: [] }, search: rest.search.filter((i) => i.kind !== "edgex-device") };
}

/**
 * Sends the cluster's health summary on the control channel (protocol 3): in full when a
 * tunnel comes up or the console asks (`health-resync`), then only the parts that changed,
 * at most one message per `healthMinIntervalMs` — at once for a change that matters.
 * Messages carry this process's epoch and a sequence number the console acknowledges
 * (`health-ack`); the console applies a delta only on top of the message before it and asks
 * for a resync on a gap, and an unacknowledged message makes the next one full, so nothing
 * is lost or applied twice across reconnects.
 */
export class HealthPusher {
  readonly epoch = randomUUID();
  private seq = 0;
  private session: TunnelSession | undefined;
  private consoleProtocol = HEALTH_PUSH_PROTOCOL;
  /** What the console has (or will have once the last message lands). */
  private sent: Map<PartKey, string> | undefined;
  private sentParts: THealthParts | undefined;
  private needFull = true;
  private lastSentAt = 0;
  private unacked: Array<{ seq: number; at: number }> = [];
  private timer: NodeJS.Timeout | undefined;
  /** Messages sent so far, by kind (diagnostics and tests). */
  readonly counts = { full: 0, delta: 0 };

  constructor(
    private readonly current: () => THealthParts | undefined,
    private readonly timings: HealthPushTimings,
    private readonly log: Logger,
  ) {}

  /** A new tunnel: the console may have lost everything (restart), so the next message is full. */
  attach(session: TunnelSession, consoleProtocol = HEALTH_PUSH_PROTOCOL): void {
    this.session = session;
    this.consoleProtocol = consoleProtocol;
    this.needFull = true;
    this.unacked = [];
    this.flush();
  }

  detach(session: TunnelSession): void {
    if (this.session !== session) return;
    this.session = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The caches changed: send now, or when the interval allows. */
  changed(): void {
    this.flush();
  }

  /** `health-ack` / `health-resync` from the console; true when the message was ours. */
  onControl(message: TunnelControlMessage): boolean {
    if (message.type !== "health-ack" && message.type !== "health-resync") return false;
    if (message.epoch !== this.epoch) return true;
    if (message.type === "health-ack") {
      const seq = message.seq;
      if (typeof seq === "number") this.unacked = this.unacked.filter((u) => u.seq > seq);
    } else {
      this.log.info("health resync asked", { reason: String(message.reason ?? "").slice(0, 200) });
      this.needFull = true;
      this.flush();
    }
    return true;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.session = undefined;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const session = this.session;
    if (!session?.isOpen) return;
    const all = this.current();
    if (!all) return; // caches not listed yet; their first list calls changed()
    const parts = this.consoleProtocol >= EDGE_STATUS_PROTOCOL ? all : forOlderConsole(all);
    const now = Date.now();
    const oldest = this.unacked[0];
    if (oldest && now - oldest.at >= this.timings.healthAckTimeoutMs) {
      this.log.warn("health not acknowledged; resending in full", { seq: oldest.seq });
      this.needFull = true;
      this.unacked = [];
    }
    const encoded = new Map((Object.keys(parts) as PartKey[]).map((k) => [k, JSON.stringify(parts[k])]));
    if (this.needFull || !this.sent || !this.sentParts) {
      this.send(session, { full: true, parts }, encoded, parts, now);
      return;
    }
    const changes: Partial<Record<PartKey, unknown>> = {};
    for (const [k, v] of encoded) if (this.sent.get(k) !== v) changes[k] = parts[k];
    if (Object.keys(changes).length === 0) return;
    const due = this.lastSentAt + this.timings.healthMinIntervalMs;
    if (now < due && !isUrgent(this.sentParts, parts)) {
      this.timer = setTimeout(() => this.flush(), due - now);
      return;
    }
    this.send(session, { full: false, changes }, encoded, parts, now);
  }

  private send(session: TunnelSession, body: { full: true; parts: THealthParts } | { full: false; changes: Partial<Record<PartKey, unknown>> }, encoded: Map<PartKey, string>, parts: THealthParts, now: number): void {
    this.seq++;
    session.sendControl({ type: "health", epoch: this.epoch, seq: this.seq, ...body });
    this.counts[body.full ? "full" : "delta"]++;
    this.sent = encoded;
    this.sentParts = parts;
    this.needFull = false;
    this.lastSentAt = now;
    this.unacked.push({ seq: this.seq, at: now });
    if (this.unacked.length > 64) this.unacked.shift();
    // Wakes up to notice a missing acknowledgement even when nothing else changes.
    this.timer = setTimeout(() => this.flush(), this.timings.healthAckTimeoutMs);
  }
}
