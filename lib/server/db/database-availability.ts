import "server-only";

/** What a client is told to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_S = 5;

// Prisma codes for "cannot reach / lost the server", and PostgreSQL SQLSTATEs of a server
// that is shutting down, starting up or dropped the connection (class 08, 57P01–57P03).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1017"]);
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOENT", "EPIPE", "ETIMEDOUT"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|connection error and is not queryable|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery)/i;

/**
 * True when `error` (from Prisma with the pg adapter, or from pg itself) means the
 * database cannot be reached right now — not that a query was wrong. Such errors become
 * 503 + Retry-After, never 500.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const o = e as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown };
    if (typeof o.code === "string" && (PRISMA_UNAVAILABLE.has(o.code) || SOCKET_CODES.has(o.code) || /^08|^57P0[123]$/.test(o.code))) return true;
    if (typeof o.kind === "string" && ADAPTER_UNAVAILABLE.has(o.kind)) return true;
    const adapterCause = o.meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === "string" && ADAPTER_UNAVAILABLE.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.originalCode === "string" && /^08|^57P0[123]$/.test(adapterCause.originalCode)) return true;
    if (typeof o.message === "string" && UNAVAILABLE_MESSAGE.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

interface State {
  unavailableSince: number | null;
  reason: string;
}

// Process-wide: route handlers, the proxy and server.ts load separate module copies.
const KEY = Symbol.for("outpost.database-availability");
function state(): State {
  const holder = globalThis as { [KEY]?: State };
  return (holder[KEY] ??= { unavailableSince: null, reason: "" });
}

/** Records that the database is away (a request failed, Postgres exited, a probe failed). */
export function markDatabaseUnavailable(reason: string): void {
  const s = state();
  if (s.unavailableSince === null) s.unavailableSince = Date.now();
  s.reason = reason;
}

/** Records that the database answers again; returns how long it was away (ms), or null. */
export function markDatabaseAvailable(): number | null {
  const s = state();
  if (s.unavailableSince === null) return null;
  const away = Date.now() - s.unavailableSince;
  s.unavailableSince = null;
  s.reason = "";
  return away;
}

/** Null while the database is believed reachable; else since when and why not. */
export function databaseOutage(): { since: number; reason: string } | null {
  const s = state();
  return s.unavailableSince === null ? null : { since: s.unavailableSince, reason: s.reason };
}
