import "server-only";
import type { IncomingMessage } from "node:http";
import WebSocket from "ws";
import { dialCluster } from "../tunnel/tunnel-registry";
import { TUNNEL_ORIGIN } from "./kube-dispatcher";
import { clusterNotConnected, clusterTimeout, KubeError, kubeErrorFromResponse } from "./kube-error";
import { impersonationHeaders, type KubeIdentity } from "./kube-identity";
import { MAX_ERROR_BODY_BYTES, readBoundedText } from "./bounded-body";

/** Deadline for the exec handshake (dial + 101). */
const HANDSHAKE_TIMEOUT_MS = 10_000;

/** What to exec in which container; always `stdin`, `stdout`, `stderr` and `tty`. */
export interface ExecTarget {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
}

/** An open remotecommand WebSocket to a container and the subprotocol the apiserver chose. */
export interface ExecSocket {
  ws: WebSocket;
  protocol: string;
  /**
   * Receives every message, including those that arrived with the 101 (a quick command's
   * whole output can come in the handshake's packet, before the caller could listen).
   */
  onMessage(listener: (msg: Buffer) => void): void;
}

function execPath(target: ExecTarget): string {
  const q = new URLSearchParams({ stdin: "true", stdout: "true", stderr: "true", tty: "true" });
  if (target.container) q.set("container", target.container);
  for (const arg of target.command) q.append("command", arg);
  return `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec?${q.toString()}`;
}

/**
 * Opens `pods/exec` over a tunnel stream as a WebSocket (`protocols` in preference order,
 * e.g. v5 then v4 channel framing), impersonating `identity`, so the cluster's RBAC judges
 * the user. Rejects with KubeError: not connected → 503, no 101 within 10 s → 504, a
 * refusal (403 by RBAC, 404 no such pod, 400 no such container) → the cluster's Status.
 */
export async function openExecSocket(clusterId: string, identity: KubeIdentity, target: ExecTarget, protocols: readonly string[]): Promise<ExecSocket> {
  let stream: Awaited<ReturnType<typeof dialCluster>>;
  try {
    stream = await dialCluster(clusterId);
  } catch {
    throw clusterNotConnected(clusterId);
  }
  const ws = new WebSocket(`${TUNNEL_ORIGIN.replace(/^http/, "ws")}${execPath(target)}`, [...protocols], {
    // The agent's proxy speaks plain HTTP inside the TLS tunnel; the stream is the connection.
    createConnection: () => stream as never,
    headers: { "user-agent": "outpost-console" },
    // Impersonate-Group repeats (one header per group): set on the request itself.
    finishRequest: (request) => {
      for (const [name, value] of Object.entries(impersonationHeaders(identity))) request.setHeader(name, value);
      request.end();
    },
    perMessageDeflate: false,
    maxPayload: 4 * 1024 * 1024,
  });
  let early: Buffer[] | undefined = [];
  let listener: ((msg: Buffer) => void) | undefined;
  ws.on("message", (raw: Buffer | ArrayBuffer | Buffer[]) => {
    const msg = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (listener) listener(msg);
    else early?.push(msg);
  });
  const onMessage = (fn: (msg: Buffer) => void) => {
    for (const msg of early ?? []) fn(msg);
    early = undefined;
    listener = fn;
  };
  return new Promise<ExecSocket>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(clusterTimeout(clusterId, HANDSHAKE_TIMEOUT_MS));
    }, HANDSHAKE_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    ws.once("unexpected-response", (_req, res: IncomingMessage) => {
      readBoundedText(res, MAX_ERROR_BODY_BYTES, "error answer").then(
        (text) => fail(kubeErrorFromResponse(clusterId, res.statusCode ?? 502, text, undefined)),
        () => fail(kubeErrorFromResponse(clusterId, res.statusCode ?? 502, "", undefined)),
      );
      ws.terminate();
    });
    ws.once("error", (error) => fail(error instanceof KubeError ? error : new KubeError(clusterId, "unavailable", 503, "TunnelError", `Cannot reach the cluster: ${error.message}`)));
    ws.once("open", () => {
      clearTimeout(timer);
      resolve({ ws, protocol: ws.protocol, onMessage });
    });
  });
}
