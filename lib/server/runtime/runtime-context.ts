import "server-only";
import type { OutpostConfig } from "../config/load-config";

/**
 * Process-wide state created by server.ts before Next.js handles a request. It lives on
 * globalThis because server.ts (run by tsx) and Next's bundled route handlers load
 * separate copies of our modules in the same process.
 */
export interface RuntimeContext {
  config: OutpostConfig;
  caPem: string;
  caChecksum: string;
  startedAt: Date;
}

const KEY = Symbol.for("outpost.runtime-context");
type Holder = { [KEY]?: RuntimeContext };

export function setRuntimeContext(context: RuntimeContext): void {
  (globalThis as Holder)[KEY] = context;
}

/** The runtime context; throws when called outside a started console (a bug). */
export function getRuntimeContext(): RuntimeContext {
  const context = (globalThis as Holder)[KEY];
  if (!context) throw new Error("Outpost runtime context is not initialised (server.ts sets it at start)");
  return context;
}
