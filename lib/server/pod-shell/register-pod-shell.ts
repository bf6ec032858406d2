import "server-only";
import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { SHELL_CLOSE } from "@/lib/shared/pod-shell/pod-shell.schema";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailableError, markDatabaseUnavailable } from "../db/database-availability";
import { log } from "../log/logger";
import { registerUpgradeHandler } from "../runtime/upgrade-handlers";
import { admitPodShell } from "./admit-pod-shell";
import { relayShellSession, type ShellSessionHandle } from "./relay-shell-session";

/** Upgrade prefix of the shell endpoint (`…/clusters/{id}/pods/{namespace}/{name}/exec`). */
export const POD_SHELL_PREFIX = "/api/v1/clusters";

function refuse(socket: Duplex, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`, "Content-Type: application/json", `Content-Length: ${Buffer.byteLength(body)}`, "Connection: close"];
  for (const [k, v] of Object.entries(extra)) head.push(`${k}: ${v}`);
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

/**
 * Mounts the pod shell WebSocket (docs/API.md, "Pod shell") on the console's upgrade path —
 * the same dispatch as the kubectl passthrough's exec. Returns the shutdown step, which
 * ends every open shell with close code 4003.
 */
export function registerPodShell(opts: { idleTimeoutMs: number }): () => void {
  const { idleTimeoutMs } = opts;
  const sessions = new Set<ShellSessionHandle>();
  // The protocol was chosen by admitPodShell; ws echoes it when handleProtocols returns it.
  const chosen = new WeakMap<IncomingMessage, string>();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 * 1024, handleProtocols: (_offered, req) => chosen.get(req) ?? false });

  const serve = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const admission = await admitPodShell(req);
    if (!admission.ok) return refuse(socket, admission.status, admission.code, admission.message);
    chosen.set(req, admission.request.protocol);
    wss.handleUpgrade(req, socket, head, (client) => {
      let handle: ShellSessionHandle | undefined = undefined;
      let done = false;
      handle = relayShellSession(client, admission.request, { idleTimeoutMs }, () => {
        done = true;
        if (handle) sessions.delete(handle);
      });
      if (!done) sessions.add(handle);
    });
  };
  registerUpgradeHandler(POD_SHELL_PREFIX, (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    serve(req, socket, head).catch((error: unknown) => {
      if (isDatabaseUnavailableError(error)) {
        markDatabaseUnavailable("a shell request could not reach the database");
        return refuse(socket, 503, "unavailable", "Outpost's database is unavailable; retry in a few seconds", { "Retry-After": String(DATABASE_RETRY_AFTER_S) });
      }
      log.error(`pod shell upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
      refuse(socket, 500, "internal", "Outpost could not handle the request; see the console log");
    });
  });
  return () => {
    for (const s of sessions) s.end(SHELL_CLOSE.shutdown, "console shutting down");
    sessions.clear();
  };
}
