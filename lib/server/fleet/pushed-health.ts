import "server-only";
import { createHash } from "node:crypto";
import type { TClusterHealth } from "@/lib/shared/fleet/fleet.schema";
import { ZHealthMessageSchema, type THealthAck, type THealthParts, type THealthResync } from "@/lib/shared/fleet/health-push.schema";
import { hashSearchEntries, toSearchEntries, type SearchEntry } from "@/lib/shared/fleet/search-entries";

/** The latest health an agent pushed (protocol 3), as applied so far. */
export interface PushedHealth {
  epoch: string;
  seq: number;
  parts: THealthParts;
  receivedAt: number;
  /** Changed since the collector last wrote it. */
  dirty: boolean;
  /** Search rows built from `parts.search`, rebuilt only when it changes. */
  search: { entries: SearchEntry[]; hash: string };
  /** Inventory rows from `parts.hardware` and their hash (as build-hardware-rows.ts hashes them). */
  hardware: { rows: THealthParts["hardware"]; hash: string };
}

/** What happened to messages so far (tests and diagnostics). */
export interface PushedHealthCounters {
  applied: number;
  duplicates: number;
  resyncs: number;
  invalid: number;
}

// Process-wide: the gateway (server.ts's module copy) writes, the collector reads.
const KEY = Symbol.for("outpost.fleet.pushed-health");
type Holder = { [KEY]?: { clusters: Map<string, PushedHealth>; counters: Map<string, PushedHealthCounters> } };
function store() {
  return ((globalThis as Holder)[KEY] ??= { clusters: new Map(), counters: new Map() });
}

function countersOf(clusterId: string): PushedHealthCounters {
  const s = store();
  let c = s.counters.get(clusterId);
  if (!c) s.counters.set(clusterId, (c = { applied: 0, duplicates: 0, resyncs: 0, invalid: 0 }));
  return c;
}

function hardwareOf(parts: THealthParts): PushedHealth["hardware"] {
  return { rows: parts.hardware, hash: createHash("sha256").update(JSON.stringify(parts.hardware)).digest("hex") };
}

function searchOf(parts: THealthParts): PushedHealth["search"] {
  const entries = toSearchEntries(parts.search);
  return { entries, hash: hashSearchEntries(entries) };
}

/**
 * Applies one CONTROL `health` message of a cluster's agent and returns the answer to send:
 * `health-ack` (applied, or an already applied duplicate — never applied twice) or
 * `health-resync` (a delta that does not follow the last applied message of the same epoch:
 * something was lost, so the agent sends everything again). A malformed message is ignored
 * (undefined).
 */
export function applyHealthMessage(clusterId: string, message: Record<string, unknown>, now = Date.now()): THealthAck | THealthResync | undefined {
  const counters = countersOf(clusterId);
  const parsed = ZHealthMessageSchema.safeParse(message);
  if (!parsed.success) {
    counters.invalid++;
    return undefined;
  }
  const m = parsed.data;
  const clusters = store().clusters;
  const current = clusters.get(clusterId);
  const ack = (seq: number): THealthAck => ({ type: "health-ack", epoch: m.epoch, seq });
  if (current && current.epoch === m.epoch && m.seq <= current.seq) {
    counters.duplicates++;
    return ack(current.seq);
  }
  if (m.full) {
    clusters.set(clusterId, { epoch: m.epoch, seq: m.seq, parts: m.parts, receivedAt: now, dirty: true, search: searchOf(m.parts), hardware: hardwareOf(m.parts) });
    counters.applied++;
    return ack(m.seq);
  }
  if (!current || current.epoch !== m.epoch || m.seq !== current.seq + 1) {
    counters.resyncs++;
    const reason = !current || current.epoch !== m.epoch ? "no summary of this agent process" : `gap: expected ${current.seq + 1}, got ${m.seq}`;
    return { type: "health-resync", epoch: m.epoch, reason };
  }
  const parts = { ...current.parts, ...m.changes };
  clusters.set(clusterId, { epoch: m.epoch, seq: m.seq, parts, receivedAt: now, dirty: true, search: m.changes.search ? searchOf(parts) : current.search, hardware: m.changes.hardware ? hardwareOf(parts) : current.hardware });
  counters.applied++;
  return ack(m.seq);
}

export function pushedHealthOf(clusterId: string): PushedHealth | undefined {
  return store().clusters.get(clusterId);
}

export function pushedHealthCounters(clusterId: string): PushedHealthCounters {
  return { ...countersOf(clusterId) };
}

/** The snapshot part of a pushed summary (search and hardware rows travel beside it; the caches' currency decides fresh or failed). */
export function healthOf(parts: THealthParts): TClusterHealth {
  const { search: _search, hardware: _hardware, caches: _caches, ...health } = parts;
  return health;
}

/** Why a pushed summary is only last-known numbers — the agent's caches are not current — or null. */
export function notCurrentOf(parts: THealthParts): { error: string; notCurrentSince: Date } | null {
  const c = parts.caches;
  if (!c || c.current) return null;
  const since = c.since ? new Date(c.since) : new Date();
  return { error: `The agent's watch of its cluster is not current: ${c.reason ?? "reason unknown"}`, notCurrentSince: Number.isNaN(since.getTime()) ? new Date() : since };
}

/** Forgets a cluster's pushed health (deleted, or its agent went back to an older protocol). */
export function forgetPushedHealth(clusterId: string): void {
  store().clusters.delete(clusterId);
  store().counters.delete(clusterId);
}

/** Clusters whose pushed health changed since the last call (their dirty flag is cleared). */
export function takeDirtyPushedHealth(): string[] {
  const out: string[] = [];
  for (const [id, h] of store().clusters) {
    if (!h.dirty) continue;
    h.dirty = false;
    out.push(id);
  }
  return out;
}
