import "server-only";
import pg from "pg";
import { log } from "../log/logger";

const RETRY_MS = 5_000;

export interface DedicatedConnection {
  /** The open connection, if any. */
  client(): pg.Client | undefined;
  /** Resolves after the first connection attempt, successful or not. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * One PostgreSQL session of its own, outside Prisma's pool, kept open: for what lives as
 * long as a session does (an advisory lock, a LISTEN). After `onConnect` succeeds the session
 * is in use; when it ends or cannot be opened, `onLost` runs and a new one is tried every
 * `RETRY_MS` until `stop()`.
 */
export function keepDedicatedConnection(opts: {
  databaseUrl: string;
  applicationName: string;
  onConnect: (client: pg.Client) => Promise<void>;
  onLost?: () => void;
  onNotification?: (message: pg.Notification) => void;
}): DedicatedConnection {
  let current: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const retry = () => {
    opts.onLost?.();
    if (!stopped) timer ??= setTimeout(() => void connect(), RETRY_MS);
  };
  const connect = async () => {
    timer = undefined;
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl, application_name: opts.applicationName });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (current !== c) return;
      current = undefined;
      retry();
    });
    if (opts.onNotification) c.on("notification", opts.onNotification);
    try {
      await c.connect();
      current = c;
      await opts.onConnect(c);
    } catch (error) {
      log.warn(`${opts.applicationName}: database session failed: ${error instanceof Error ? error.message : String(error)}`);
      if (current === c) current = undefined;
      await c.end().catch(() => undefined);
      retry();
    }
    markReady();
  };
  void connect();
  return {
    client: () => current,
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const c = current;
      current = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
