import "server-only";
import type { Duplex } from "node:stream";
import type { TunnelSession } from "@/lib/tunnel";
import { log } from "../log/logger";
import { dialPeer } from "../replicas/dial-peer";
import { announceTunnelClose } from "../replicas/tunnel-close-notices";
import { claimLease, coordinationActive, remoteOwner } from "../replicas/tunnel-leases";

/** The stream target an agent serves: its kube-apiserver (behind the agent's proxy). */
export const KUBE_TARGET = "k8s";

/** Thrown by dialCluster when no agent is connected (callers turn it into data/503). */
export class ClusterNotConnectedError extends Error {
  override name = "ClusterNotConnectedError";
  constructor(readonly clusterId: string) {
    super("The cluster's agent is not connected");
  }
}

interface Entry {
  session: TunnelSession;
  connectedAt: Date;
}

// One live tunnel per cluster, process-wide (server.ts and Next's bundles share it).
const KEY = Symbol.for("outpost.tunnel-registry");
type Holder = { [KEY]?: Map<string, Entry> };
function registry(): Map<string, Entry> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

/** Registers a cluster's tunnel; returns the session it replaced, if any (the caller closes it). */
export function registerTunnel(clusterId: string, session: TunnelSession): TunnelSession | undefined {
  const previous = registry().get(clusterId)?.session;
  registry().set(clusterId, { session, connectedAt: new Date() });
  claimLease(clusterId);
  return previous === session ? undefined : previous;
}

/** Forgets a cluster's tunnel if it is still `session` (a replaced session must not remove its successor). */
export function unregisterTunnel(clusterId: string, session: TunnelSession): boolean {
  const entry = registry().get(clusterId);
  if (entry?.session !== session) return false;
  registry().delete(clusterId);
  return true;
}

export function getTunnel(clusterId: string): TunnelSession | undefined {
  const session = registry().get(clusterId)?.session;
  return session?.isOpen ? session : undefined;
}

/** Whether the cluster's agent is connected to this replica or, by a live lease, to another. */
export function isClusterConnected(clusterId: string): boolean {
  return getTunnel(clusterId) !== undefined || remoteOwner(clusterId) !== undefined;
}

export function connectedClusterIds(): string[] {
  return [...registry().entries()].filter(([, e]) => e.session.isOpen).map(([id]) => id);
}

/**
 * Opens a byte stream to the cluster's kube-apiserver through its agent — directly when
 * this replica holds the tunnel, else through the replica that does (lib/server/replicas).
 * The stream speaks plain HTTP/1.1 (the agent adds its own credentials); hand it to an
 * HTTP client as its socket — see `createTunnelKubeConfig` in lib/tunnel/kubeconfig.ts.
 * `reserved` is for the console's own checks (readiness): they may use the streams no
 * user can.
 */
export async function dialCluster(clusterId: string, options: { reserved?: boolean } = {}): Promise<Duplex> {
  const session = getTunnel(clusterId);
  if (session) return session.openStream(KUBE_TARGET, options);
  const owner = remoteOwner(clusterId);
  if (owner) return dialPeer(owner.peerUrl, clusterId);
  throw new ClusterNotConnectedError(clusterId);
}

/** Closes this replica's tunnel of a cluster if it connected before `before` (ms). */
export function closeLocalTunnel(clusterId: string, reason: string, before = Infinity): void {
  const entry = registry().get(clusterId);
  if (!entry || entry.connectedAt.getTime() >= before) return;
  registry().delete(clusterId);
  entry.session.close(4001, reason);
}

/** Closes a cluster's tunnel on whichever replica holds it (cluster deleted, credential revoked). */
export function closeTunnel(clusterId: string, reason: string): void {
  closeLocalTunnel(clusterId, reason);
  if (coordinationActive()) {
    announceTunnelClose(clusterId, reason).catch((error: unknown) => log.warn(`announcing a tunnel close failed: ${String(error)}`));
  }
}
