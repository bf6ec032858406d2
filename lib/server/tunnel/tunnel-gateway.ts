import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { AGENT_PROTOCOL_HEADER, CONSOLE_PROTOCOL, CONSOLE_PROTOCOL_HEADER, EDGE_STATUS_PROTOCOL, HEALTH_PUSH_PROTOCOL, READINESS_PUSH_PROTOCOL, TunnelSession, parseAgentProtocol, type TunnelCloseInfo, type TunnelControlMessage } from "@/lib/tunnel";
import { recordAuditEvent } from "../audit/record-audit-event";
import { applyAgentReport } from "../clusters/apply-agent-report";
import { clusterRuntime } from "../clusters/cluster-runtime-state";
import { applyReadinessReport } from "../clusters/apply-readiness-report";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailableError, markDatabaseUnavailable } from "../db/database-availability";
import { authenticateAgent } from "../enrollment/authenticate-agent";
import { applyHealthMessage } from "../fleet/pushed-health";
import { CLIENT_IP_HEADER } from "../http/request-meta";
import { log } from "../log/logger";
import { reportAgentViolation } from "./agent-budget";
import { AgentControlBudget } from "./agent-control-budget";
import { recordConnectionEvent } from "./record-connection-events";
import { getTunnel, registerTunnel, unregisterTunnel } from "./tunnel-registry";

function refuse(socket: Duplex, status: number, text: string, retryAfterS?: number): void {
  const retry = retryAfterS === undefined ? "" : `Retry-After: ${retryAfterS}\r\n`;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${retry}Content-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

/**
 * Agent connections being accepted at once (credential check to registered tunnel). A
 * reconnect storm beyond it — every agent of a replica that died, arriving within the
 * agents' 5 s spread — is told to come back later instead of queueing on the database.
 */
export const MAX_ACCEPTS_IN_FLIGHT = 128;

/** A `Retry-After` drawn from [min, min + spread) seconds, so refused agents do not return together. */
export function jitteredRetryAfterS(minS: number, spreadS: number, random = Math.random): number {
  return minS + Math.floor(random() * spreadS);
}

/**
 * The agent side door: `GET /v3/connect` upgraded to a WebSocket, authenticated by the
 * agent credential. One live tunnel per cluster — a new connection replaces the old one
 * (audited). `onChange(clusterId)` runs when a tunnel comes or goes, so the state monitor
 * can react at once.
 */
export function createTunnelGateway(onChange: (clusterId: string) => void, maxInFlight = MAX_ACCEPTS_IN_FLIGHT) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024, perMessageDeflate: false });
  let inFlight = 0;
  // The agent sends a summary's newer parts only to a console that says it reads them.
  wss.on("headers", (headers: string[]) => void headers.push(`${CONSOLE_PROTOCOL_HEADER}: ${CONSOLE_PROTOCOL}`));

  async function accept(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const ip = String(req.headers[CLIENT_IP_HEADER] ?? "unknown");
    if (new URL(req.url ?? "/", "https://localhost").pathname !== "/v3/connect") return refuse(socket, 404, "Not Found");
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const claimed = typeof req.headers["x-outpost-cluster-id"] === "string" ? req.headers["x-outpost-cluster-id"] : undefined;
    const cluster = match?.[1] ? await authenticateAgent(match[1], claimed) : null;
    if (!cluster) {
      log.warn(`agent connection refused from ${ip}: unknown or revoked credential`);
      await recordAuditEvent({ actor: { id: null, name: "agent" }, action: "cluster.connect", outcome: "failure", ip, details: { claimedClusterId: claimed?.slice(0, 64) ?? null } });
      return refuse(socket, 401, "Unauthorized");
    }
    const protocol = parseAgentProtocol(req.headers[AGENT_PROTOCOL_HEADER]);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Pings go one way: every agent pings (older ones too), the console answers with pongs.
      const session = new TunnelSession(ws, { role: "console", sendPings: false });
      const previous = registerTunnel(cluster.id, session);
      if (previous) {
        previous.close(4000, "replaced by a new connection of the same cluster");
        void recordAuditEvent({ actor: { id: null, name: "agent" }, action: "cluster.tunnel.replaced", target: { type: "cluster", id: cluster.id, name: cluster.name }, ip });
      }
      const runtime = clusterRuntime(cluster.id);
      runtime.connected = true;
      runtime.disconnectedAt = undefined;
      runtime.lastProbeError = undefined;
      runtime.pushesReadiness = protocol >= READINESS_PUSH_PROTOCOL;
      runtime.pushesHealth = protocol >= HEALTH_PUSH_PROTOCOL;
      runtime.pushesEdgex = protocol >= EDGE_STATUS_PROTOCOL;
      runtime.reportedReady = undefined;
      runtime.verdict = undefined;
      log.info(`agent of cluster ${cluster.name} connected from ${ip}`);
      // A flood of reports costs one UPDATE per 5 s; beyond 30 messages per 10 s they are dropped.
      const budget = new AgentControlBudget(
        (report) => applyAgentReport(cluster.id, report).catch((error: unknown) => log.warn(`agent report of ${cluster.name} not stored: ${String(error)}`)),
        (what) => reportAgentViolation(cluster.id, what),
      );
      session.on("control", (message: TunnelControlMessage) => {
        if (!budget.admit()) return;
        if (message.type === "hello" || message.type === "info") budget.report(message);
        else if (message.type === "readiness" && runtime.pushesReadiness && getTunnel(cluster.id) === session) {
          if (applyReadinessReport(runtime, message)) onChange(cluster.id);
        } else if (message.type === "health" && runtime.pushesHealth && getTunnel(cluster.id) === session) {
          const answer = applyHealthMessage(cluster.id, message);
          if (answer) session.sendControl({ ...answer });
        }
      });
      session.on("close", (info: TunnelCloseInfo) => {
        budget.stop();
        if (!unregisterTunnel(cluster.id, session)) return;
        runtime.connected = false;
        runtime.disconnectedAt = Date.now();
        runtime.disconnectReason = `agent disconnected (${info.reason || `code ${info.code}`})`;
        log.info(`agent of cluster ${cluster.name} disconnected: ${info.reason || info.code}`);
        recordConnectionEvent({ clusterId: cluster.id, connected: false, at: new Date() }).catch(() => undefined);
        onChange(cluster.id);
      });
      recordConnectionEvent({ clusterId: cluster.id, connected: true, at: new Date() })
        .then(() => onChange(cluster.id))
        .catch((error: unknown) => log.warn(`cluster ${cluster.name} connect not stored: ${String(error)}`));
    });
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      if (inFlight >= maxInFlight) return refuse(socket, 503, "Service Unavailable", jitteredRetryAfterS(1, 5));
      inFlight++;
      accept(req, socket, head)
        .catch((error: unknown) => {
          if (isDatabaseUnavailableError(error)) {
            markDatabaseUnavailable("an agent connection could not reach the database");
            return refuse(socket, 503, "Service Unavailable", jitteredRetryAfterS(DATABASE_RETRY_AFTER_S, 10));
          }
          log.error(`agent connection failed: ${error instanceof Error ? error.message : String(error)}`);
          refuse(socket, 500, "Internal Server Error");
        })
        .finally(() => inFlight--);
    },
    /** Closes every tunnel (console shutdown): agents reconnect to the next console. */
    close(): Promise<void> {
      for (const client of wss.clients) client.close(1001, "console shutting down");
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
