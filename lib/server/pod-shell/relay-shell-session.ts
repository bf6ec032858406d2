import "server-only";
import type WebSocket from "ws";
import type { RawData } from "ws";
import { SHELL_CHANNEL, SHELL_CLOSE, SHELL_PROTOCOLS, shellEndFromStatus } from "@/lib/shared/pod-shell/pod-shell.schema";
import { getKubeObject } from "../k8s/get-kube-object";
import { identityOf } from "../k8s/kube-identity";
import { KubeError } from "../k8s/kube-error";
import { openExecSocket } from "../k8s/open-exec-socket";
import { acquireLongLivedStream, StreamQuotaError } from "../streams/long-lived-streams";
import type { ShellRequest } from "./admit-pod-shell";
import { auditShellEnd, auditShellStart, type TShellEndReason } from "./audit-pod-shell";

/** Output buffered towards a slow browser before the container's output is paused. */
const HIGH_WATER_BYTES = 1024 * 1024;
/** Largest resize message accepted (`{"Width":…,"Height":…}`). */
const MAX_RESIZE_BYTES = 256;
/** Input kept while the exec is being opened (typing ahead). */
const MAX_EARLY_BYTES = 64 * 1024;

export interface ShellSessionHandle {
  /** Ends the session from the console's side (shutdown). */
  end(code: number, reason: string): void;
}

function toBuffer(raw: RawData): Buffer {
  return Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
}

/** The Status the console writes on channel 3 when the exec never started (the client reads it like the kubelet's). */
function failureStatus(error: unknown): string {
  if (error instanceof KubeError) return JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: error.message, reason: error.reason, code: error.kubeStatus });
  return JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the shell could not be started", reason: "InternalError", code: 500 });
}

/** The container an exec without `container` runs in: kubectl's default-container annotation, else the first. */
async function defaultContainer(req: ShellRequest): Promise<string | undefined> {
  const pod = await getKubeObject(req.cluster.id, identityOf(req.principal), "pods", req.namespace, req.pod);
  const annotated = pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"];
  const containers = ((pod.spec as { containers?: Array<{ name?: string }> } | undefined)?.containers ?? []).map((c) => c.name ?? "");
  return annotated && containers.includes(annotated) ? annotated : containers[0];
}

/**
 * Runs one browser (or script) shell: counts it against the stream quotas, opens the
 * container's exec through the tunnel as the impersonated user, and relays channel frames
 * both ways — stdin and resize from the client, stdout/stderr/status from the cluster.
 * Ends on the command's exit (Status on channel 3, then 1000), the idle timeout (4000),
 * a lost cluster connection (4001), withdrawn access (4002), or the client leaving.
 * Audited at start and end, never the keystrokes.
 */
export function relayShellSession(client: WebSocket, req: ShellRequest, opts: { idleTimeoutMs: number }, onDone: () => void): ShellSessionHandle {
  const startedAt = Date.now();
  let upstream: WebSocket | undefined;
  let upstreamProtocol = "";
  let container = req.query.container;
  let endReason: TShellEndReason | undefined;
  let exitCode: number | undefined;
  let started = false;
  let idleTimer: NodeJS.Timeout | undefined;

  const closeClient = (code: number, reason: string) => {
    if (client.readyState === client.OPEN || client.readyState === client.CONNECTING) client.close(code, reason);
  };
  const finish = (reason: TShellEndReason, code: number, text: string) => {
    endReason ??= reason;
    closeClient(code, text);
    upstream?.close();
  };
  const lease = (() => {
    try {
      return acquireLongLivedStream(req.principal, "exec", req.cluster.id, () => finish("withdrawn", SHELL_CLOSE.withdrawn, "access withdrawn"));
    } catch (error) {
      if (!(error instanceof StreamQuotaError)) throw error;
      client.send(Buffer.concat([Buffer.from([SHELL_CHANNEL.error]), Buffer.from(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: error.message, reason: "TooManyRequests", code: 429 }))]));
      client.close(1000);
      return undefined;
    }
  })();
  if (!lease) {
    onDone();
    return { end: () => undefined };
  }

  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => finish("idle", SHELL_CLOSE.idle, "idle timeout"), opts.idleTimeoutMs);
    idleTimer.unref();
  };

  client.on("close", () => {
    endReason ??= "client";
    clearTimeout(idleTimer);
    lease.release();
    if (upstream && upstream.readyState !== upstream.CLOSED) upstream.close();
    if (started) void auditShellEnd(req, container, { reason: endReason, durationMs: Date.now() - startedAt, exitCode });
    onDone();
  });
  client.on("error", () => client.terminate());
  // What the client sends before the exec is open (it may type at once) waits, bounded.
  let early: Buffer[] | undefined = [];
  let earlyBytes = 0;
  const fromClient = (msg: Buffer) => {
    if (!upstream || upstream.readyState !== upstream.OPEN) return;
    const channel = msg[0];
    if (channel === SHELL_CHANNEL.stdin) {
      resetIdle();
      upstream.send(msg);
    } else if (channel === SHELL_CHANNEL.resize && msg.length <= MAX_RESIZE_BYTES) {
      resetIdle();
      upstream.send(msg);
    } else if (channel === SHELL_CHANNEL.close && msg.length === 2 && upstreamProtocol === "v5.channel.k8s.io") {
      upstream.send(msg);
    }
  };
  client.on("message", (raw, isBinary) => {
    if (!isBinary) return;
    const msg = toBuffer(raw);
    if (!early) return fromClient(msg);
    earlyBytes += msg.length;
    if (earlyBytes <= MAX_EARLY_BYTES) early.push(msg);
  });

  const open = async () => {
    container ??= await defaultContainer(req);
    // The client's framing first; v4 as the fallback (only v5's stdin half-close is lost).
    const protocols = [req.protocol, ...SHELL_PROTOCOLS.filter((p) => p !== req.protocol)];
    return openExecSocket(req.cluster.id, identityOf(req.principal), { namespace: req.namespace, pod: req.pod, container, command: req.query.command }, protocols);
  };
  open().then(
    ({ ws, protocol, onMessage }) => {
      upstream = ws;
      upstreamProtocol = protocol;
      if (client.readyState !== client.OPEN) return ws.close();
      started = true;
      void auditShellStart(req, container);
      resetIdle();
      for (const msg of early ?? []) fromClient(msg);
      early = undefined;
      let paused = false;
      onMessage((msg) => {
        if (msg[0] === SHELL_CHANNEL.error) {
          const end = shellEndFromStatus(msg.subarray(1).toString("utf8"));
          endReason ??= end.kind === "exit" ? "exit" : "error";
          if (end.kind === "exit") exitCode = end.code;
        }
        client.send(msg, () => {
          if (paused && client.bufferedAmount < HIGH_WATER_BYTES / 2) {
            paused = false;
            ws.resume();
          }
        });
        if (!paused && client.bufferedAmount > HIGH_WATER_BYTES) {
          paused = true;
          ws.pause();
        }
      });
      ws.on("error", () => ws.terminate());
      ws.on("close", () => {
        // The command's end came with a Status first; a close without one is a lost connection.
        if (endReason === undefined) finish("clusterLost", SHELL_CLOSE.clusterLost, "cluster connection lost");
        else closeClient(1000, "");
      });
    },
    (error: unknown) => {
      endReason = "error";
      void auditShellStart(req, container, error instanceof KubeError ? { status: error.kubeStatus, reason: error.reason } : { status: 500, reason: "InternalError" });
      if (client.readyState === client.OPEN) {
        client.send(Buffer.concat([Buffer.from([SHELL_CHANNEL.error]), Buffer.from(failureStatus(error))]));
        client.close(1000);
      }
    },
  );

  return { end: (code, reason) => finish("shutdown", code, reason) };
}
