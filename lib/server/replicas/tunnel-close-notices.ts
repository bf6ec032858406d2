import "server-only";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { keepDedicatedConnection } from "./dedicated-connection";

const CHANNEL = "outpost_close_tunnel";

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
  const session = keepDedicatedConnection({
    databaseUrl,
    applicationName: "outpost-notices",
    onConnect: async (client) => {
      await client.query(`LISTEN ${CHANNEL}`);
    },
    onNotification: (message) => {
      try {
        const notice = JSON.parse(message.payload ?? "{}") as { clusterId?: unknown; reason?: unknown; before?: unknown };
        if (typeof notice.clusterId === "string" && typeof notice.before === "number") {
          close(notice.clusterId, typeof notice.reason === "string" ? notice.reason : "closed by another replica", notice.before);
        }
      } catch {
        log.warn("ignored a malformed tunnel close notice");
      }
    },
  });
  return () => session.stop();
}
