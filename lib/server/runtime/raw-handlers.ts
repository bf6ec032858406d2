import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Plain Node request handlers that server.ts runs before Next.js, by path prefix — for
 * endpoints that must stream without buffering or need the raw socket (the kubectl
 * passthrough under /k8s/clusters/). Most routes are Next route handlers instead.
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void;

const KEY = Symbol.for("outpost.raw-handlers");
type Holder = { [KEY]?: Map<string, RawHandler> };

function handlers(): Map<string, RawHandler> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

export function registerRawHandler(pathPrefix: string, handler: RawHandler): void {
  handlers().set(pathPrefix, handler);
}

export function findRawHandler(pathname: string): RawHandler | undefined {
  for (const [prefix, handler] of handlers()) {
    if (pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) return handler;
  }
  return undefined;
}
