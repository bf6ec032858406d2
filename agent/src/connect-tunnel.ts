import WebSocket from "ws";
import { AGENT_PROTOCOL, AGENT_PROTOCOL_HEADER, CONSOLE_PROTOCOL_HEADER, parseConsoleProtocol } from "@/lib/tunnel";
import { RetryableError, retryAfterMs, type AgentState } from "./register-agent";
import type { ConsoleTrust } from "./request-console";
import { AGENT_VERSION } from "./version";

/** The console refused the credential on upgrade (401/403). */
export class CredentialRejectedError extends Error {
  constructor(readonly status: number) {
    super(`console rejected the agent credential (${status})`);
    this.name = "CredentialRejectedError";
  }
}

/** `https://console/base` → `wss://console/base/v3/connect`. */
export function tunnelUrl(server: string): string {
  return `${server.replace(/^http/, "ws")}/v3/connect`;
}

/** An open tunnel socket and the control protocol the console answered with (3 when it did not say). */
export interface ConnectedTunnel {
  ws: WebSocket;
  consoleProtocol: number;
}

/**
 * Opens the tunnel WebSocket with the agent credential, announcing the control `protocol`
 * this agent speaks (an older agent, as benchmarks and tests play one, passes 1). Resolves with the open socket
 * and the console's protocol; rejects with CredentialRejectedError on 401/403, RetryableError
 * (with the console's Retry-After) on 429/503, and with a plain Error otherwise.
 */
export function connectTunnel(server: string, state: AgentState, trust: ConsoleTrust, handshakeTimeoutMs = 15_000, protocol = AGENT_PROTOCOL): Promise<ConnectedTunnel> {
  return new Promise((resolve, reject) => {
    let consoleProtocol = parseConsoleProtocol(undefined);
    const ws = new WebSocket(tunnelUrl(server), {
      headers: {
        authorization: `Bearer ${state.credential}`,
        "x-outpost-cluster-id": state.clusterId,
        "x-outpost-agent-version": AGENT_VERSION,
        [AGENT_PROTOCOL_HEADER]: String(protocol),
      },
      perMessageDeflate: false, // frames are mostly already-compact JSON/protobuf; deflate costs memory per tunnel
      handshakeTimeout: handshakeTimeoutMs,
      maxPayload: 16 * 1024 * 1024,
      ...(trust.ca ? { ca: trust.ca } : {}),
      // RFC 6455 masking protects cleartext HTTP intermediaries from browser-crafted bytes.
      // Inside TLS, from a non-browser agent, it only costs an XOR over every byte on weak
      // edge CPUs; ws skips that work (both ends) when the mask is zero. Only for wss.
      ...(server.startsWith("https:") ? { generateMask: (mask: Buffer) => void mask.fill(0) } : {}),
    });
    ws.once("upgrade", (res) => {
      consoleProtocol = parseConsoleProtocol(res.headers[CONSOLE_PROTOCOL_HEADER]);
    });
    ws.once("open", () => {
      ws.removeAllListeners("error");
      resolve({ ws, consoleProtocol });
    });
    ws.once("unexpected-response", (_req, res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      ws.terminate();
      if (status === 401 || status === 403) return reject(new CredentialRejectedError(status));
      const message = `console answered ${status} to the tunnel upgrade`;
      reject(status === 429 || status === 503 ? new RetryableError(message, retryAfterMs(res.headers["retry-after"])) : new Error(message));
    });
    ws.on("error", (error) => reject(error));
  });
}
