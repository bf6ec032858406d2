import "server-only";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";

/** Long-lived streams a user may hold at once, over all clusters (watches, log follows, shells, SSE). */
export const STREAMS_PER_USER = 64;
/**
 * Long-lived user streams one cluster carries at once, all users together: half the
 * tunnel's 256 streams, so short requests of everybody else — and the console's reserved
 * streams for readiness and health — always find room.
 */
export const STREAMS_PER_CLUSTER = 128;

export type TStreamKind = "watch" | "logs" | "exec" | "sse";

/** One open long-lived stream, as the revocation sweep sees it. */
export interface LongLivedStream {
  readonly id: number;
  readonly kind: TStreamKind;
  readonly clusterId: string | null;
  readonly userId: string;
  /** The user row's own role when the stream opened (a change ends the stream). */
  readonly role: Principal["userRole"];
  readonly sessionId: string | null;
  readonly tokenId: string | null;
  /** Ends the stream now (the caller's connection is closed or the SSE response ends). */
  end(reason: string): void;
}

/** Handle returned to the stream's owner; `release()` is idempotent. */
export interface StreamLease {
  release(): void;
}

/** Thrown when a quota is full; routes answer 429, the passthrough a 429 Status. */
export class StreamQuotaError extends ApiError {
  constructor(message: string) {
    super("rate_limited", message);
  }
}

interface Registry {
  nextId: number;
  streams: Map<number, LongLivedStream>;
}

// Process-wide (server.ts and Next's bundles load separate module copies).
const KEY = Symbol.for("outpost.long-lived-streams");
function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  return (holder[KEY] ??= { nextId: 1, streams: new Map() });
}

/** Every open long-lived stream (for the revocation sweep and diagnostics). */
export function openLongLivedStreams(): LongLivedStream[] {
  return [...registry().streams.values()];
}

/**
 * Counts a long-lived stream against its user's and cluster's quotas, or refuses it with
 * a 429 naming the quota. `end` is how the console closes it when the principal's access
 * is withdrawn; the owner calls `release()` when the stream ends for any reason.
 */
export function acquireLongLivedStream(principal: Principal, kind: TStreamKind, clusterId: string | null, end: (reason: string) => void): StreamLease {
  const reg = registry();
  let mine = 0;
  let onCluster = 0;
  for (const s of reg.streams.values()) {
    if (s.userId === principal.userId) mine++;
    if (clusterId && s.clusterId === clusterId) onCluster++;
  }
  if (mine >= STREAMS_PER_USER) {
    throw new StreamQuotaError(`You already have ${mine} open streams (watches, log follows, shells, live pages); close some first (limit ${STREAMS_PER_USER})`);
  }
  if (clusterId && onCluster >= STREAMS_PER_CLUSTER) {
    throw new StreamQuotaError(`The cluster already carries ${onCluster} open streams for its users; try again later (limit ${STREAMS_PER_CLUSTER})`);
  }
  const id = reg.nextId++;
  let ended = false;
  reg.streams.set(id, {
    id,
    kind,
    clusterId,
    userId: principal.userId,
    role: principal.userRole,
    sessionId: principal.sessionId ?? null,
    tokenId: principal.tokenId ?? null,
    end: (reason) => {
      if (ended) return;
      ended = true;
      reg.streams.delete(id);
      end(reason);
    },
  });
  return {
    release: () => {
      ended = true;
      reg.streams.delete(id);
    },
  };
}
