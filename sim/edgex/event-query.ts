import { buildEvent, eventId, type DeviceRuntime, type EdgexWorld, type SimEvent, type SimReading, type StreamRuntime } from "./edgex-world";

// core-data's queries over lazily generated history. Each autoEvent is an arithmetic
// sequence of instants (anchor + k·interval) bounded by retention, the clock and the
// device's stop time, so counts are O(1) per stream and a page is a k-way merge from the
// newest event: cost grows with offset+limit, never with uptime or cluster count.

export interface EventFilter {
  /** Restrict to these devices (all when undefined). */
  devices?: DeviceRuntime[];
  /** Only events/readings carrying this resource. */
  resourceName?: string;
  /** Inclusive time window in epoch ms. */
  startMs?: number;
  endMs?: number;
}

interface Cursor {
  /** Time of the next (older) event, or null when exhausted. */
  peek(): number | null;
  /** Readings of the next event that match the filter (cheap, no values computed). */
  matchingReadings(): number;
  take(build: boolean): SimEvent | null;
  /** Events and matching readings left, without walking them where avoidable. */
  remaining(): { events: number; readings: number };
}

function streamCursor(world: EdgexWorld, dev: DeviceRuntime, s: StreamRuntime, f: EventFilter, now: number): Cursor | null {
  const last = Math.min(now, dev.stopAtMs);
  if (last < s.anchorMs) return null;
  const newest = Math.floor((last - s.anchorMs) / s.intervalMs);
  let k = newest;
  if (f.endMs !== undefined) k = Math.min(k, Math.floor((f.endMs - s.anchorMs) / s.intervalMs));
  let low = Math.max(0, newest - s.cap + 1);
  if (f.startMs !== undefined) low = Math.max(low, Math.ceil((f.startMs - s.anchorMs) / s.intervalMs));
  if (k < low) return null;
  const resources = f.resourceName ? s.resources.filter((r) => r.name === f.resourceName) : s.resources;
  if (resources.length === 0) return null;
  return {
    peek: () => (k >= low ? s.anchorMs + k * s.intervalMs : null),
    matchingReadings: () => resources.length,
    remaining: () => {
      const events = Math.max(0, k - low + 1);
      return { events, readings: events * resources.length };
    },
    take: (build) => {
      const t = s.anchorMs + k * s.intervalMs;
      const index = k;
      k--;
      return build ? buildEvent(world, dev, s.sourceName, s.resources, t, index) : null;
    },
  };
}

function pushedCursor(dev: DeviceRuntime, f: EventFilter, now: number): Cursor | null {
  const events = dev.pushed.filter((e) => {
    const t = e.origin / 1_000_000;
    if (t > now) return false;
    if (f.startMs !== undefined && t < f.startMs) return false;
    if (f.endMs !== undefined && t > f.endMs) return false;
    return f.resourceName === undefined || e.readings.some((r) => r.resourceName === f.resourceName);
  });
  if (events.length === 0) return null;
  let i = events.length - 1;
  const match = (e: SimEvent) =>
    f.resourceName === undefined ? e.readings.length : e.readings.filter((r) => r.resourceName === f.resourceName).length;
  return {
    peek: () => (i >= 0 ? (events[i]?.origin ?? 0) / 1_000_000 : null),
    matchingReadings: () => {
      const e = events[i];
      return e ? match(e) : 0;
    },
    take: () => events[i--] ?? null,
    remaining: () => {
      const left = events.slice(0, i + 1);
      return { events: left.length, readings: left.reduce((sum, e) => sum + match(e), 0) };
    },
  };
}

function cursors(world: EdgexWorld, f: EventFilter): Cursor[] {
  const now = world.now();
  const out: Cursor[] = [];
  for (const dev of f.devices ?? world.devices) {
    for (const s of dev.streams) {
      const c = streamCursor(world, dev, s, f, now);
      if (c) out.push(c);
    }
    const p = pushedCursor(dev, f, now);
    if (p) out.push(p);
  }
  return out;
}

/** Picks the cursor holding the newest event; ties go to catalogue order. */
function newest(cs: Cursor[]): Cursor | null {
  let best: Cursor | null = null;
  let bestT = -Infinity;
  for (const c of cs) {
    const t = c.peek();
    if (t !== null && t > bestT) {
      best = c;
      bestT = t;
    }
  }
  return best;
}

export function countEvents(world: EdgexWorld, f: EventFilter): number {
  return cursors(world, f).reduce((n, c) => n + c.remaining().events, 0);
}

export function countReadings(world: EdgexWorld, f: EventFilter): number {
  return cursors(world, f).reduce((n, c) => n + c.remaining().readings, 0);
}

/** Events newest first, after skipping `offset`. */
export function listEvents(world: EdgexWorld, f: EventFilter, offset: number, limit: number): SimEvent[] {
  const cs = cursors(world, f);
  const out: SimEvent[] = [];
  let skipped = 0;
  while (out.length < limit) {
    const c = newest(cs);
    if (!c) break;
    if (skipped < offset) {
      c.take(false);
      skipped++;
      continue;
    }
    const e = c.take(true);
    if (e) out.push(e);
  }
  return out;
}

/** Readings newest first (an event's readings in profile order), after skipping `offset`. */
export function listReadings(world: EdgexWorld, f: EventFilter, offset: number, limit: number): SimReading[] {
  const cs = cursors(world, f);
  const out: SimReading[] = [];
  let toSkip = offset;
  while (out.length < limit) {
    const c = newest(cs);
    if (!c) break;
    const n = c.matchingReadings();
    if (toSkip >= n) {
      c.take(false);
      toSkip -= n;
      continue;
    }
    const e = c.take(true);
    const matching = (e?.readings ?? []).filter((r) => f.resourceName === undefined || r.resourceName === f.resourceName);
    for (const r of matching.slice(toSkip)) if (out.length < limit) out.push(r);
    toSkip = 0;
  }
  return out;
}

/**
 * core-data GET /event/id/{id}. Generated ids are hashes, so the retained window is
 * scanned computing ids only (no values) — a few milliseconds for a full deployment.
 */
export function findEventById(world: EdgexWorld, id: string): SimEvent | null {
  const now = world.now();
  for (const dev of world.devices) {
    const pushed = dev.pushed.find((e) => e.id === id);
    if (pushed) return pushed;
    for (const s of dev.streams) {
      const last = Math.min(now, dev.stopAtMs);
      if (last < s.anchorMs) continue;
      const newest = Math.floor((last - s.anchorMs) / s.intervalMs);
      for (let k = newest; k >= Math.max(0, newest - s.cap + 1); k--) {
        const t = s.anchorMs + k * s.intervalMs;
        if (eventId(world, dev, s.sourceName, t, k) === id) return buildEvent(world, dev, s.sourceName, s.resources, t, k);
      }
    }
  }
  return null;
}
