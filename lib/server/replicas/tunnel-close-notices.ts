import "server-only";
import pg from "pg";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";

const CHANNEL = "outpost_close_tunnel";
const RETRY_MS = 5_000;

/**
 * Tells every replica to close a cluster's tunnel if it holds one that connected before
 * now (credential revoked, cluster deleted, agent re-enrolled): whichever replica the agent
 * is connected to, the old tunnel ends at once.
 */
export async function announceTunnelClose(clusterId: string, reason: string): Promise<void> {
  await prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ clusterId, reason, before: Date.now() })})`;
}

/** Listens for close notices (LISTEN on a dedicated connection, re-established after loss). */
export function listenForTunnelCloses(
  databaseUrl: string,
  close: (clusterId: string, reason: string, connectedBefore: number) => void,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    timer = undefined;
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: "outpost-notices" });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) client = undefined;
      if (!stopped) timer ??= setTimeout(() => void connect(), RETRY_MS);
    });
    c.on("notification", (message) => {
      try {
        const notice = JSON.parse(message.payload ?? "{}") as { clusterId?: unknown; reason?: unknown; before?: unknown };
        if (typeof notice.clusterId === "string" && typeof notice.before === "number") {
          close(notice.clusterId, typeof notice.reason === "string" ? notice.reason : "closed by another replica", notice.before);
        }
      } catch {
        log.warn("ignored a malformed tunnel close notice");
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
    } catch (error) {
      log.warn(`listening for tunnel close notices failed: ${String(error)}`);
      await c.end().catch(() => undefined);
      if (!stopped) timer ??= setTimeout(() => void connect(), RETRY_MS);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
