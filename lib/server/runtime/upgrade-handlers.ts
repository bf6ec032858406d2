import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * WebSocket upgrade handlers by path prefix (e.g. "/v3/connect" for agent tunnels).
 * Registered by server-side modules; server.ts dispatches every upgrade request here.
 * Kept on globalThis for the same reason as the runtime context.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

const KEY = Symbol.for("outpost.upgrade-handlers");
type Holder = { [KEY]?: Map<string, UpgradeHandler> };

function handlers(): Map<string, UpgradeHandler> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

export function registerUpgradeHandler(pathPrefix: string, handler: UpgradeHandler): void {
  handlers().set(pathPrefix, handler);
}

export function findUpgradeHandler(pathname: string): UpgradeHandler | undefined {
  for (const [prefix, handler] of handlers()) {
    if (pathname === prefix || pathname.startsWith(prefix + "/") || pathname.startsWith(prefix + "?")) return handler;
  }
  return undefined;
}
