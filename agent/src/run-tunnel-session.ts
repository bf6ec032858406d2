import type WebSocket from "ws";
import { TunnelSession, type TunnelCloseInfo, type TunnelControlMessage } from "@/lib/tunnel";
import { collectClusterInfo } from "./collect-cluster-info";
import type { KubeTarget } from "./load-kube-target";
import { errorMessage, type Logger } from "./logger";
import type { AgentState } from "./register-agent";
import type { HealthPusher } from "./push-health";
import type { KubeProxy } from "./serve-kube-proxy";
import type { StateStore } from "./store-agent-state";
import { watchReadiness, type ReadinessTimings } from "./watch-readiness";

/** The only stream target an agent serves: its kube-apiserver. Never an arbitrary host:port. */
export const KUBE_TARGET = "k8s";

/** What a connected session needs. `state` is updated in place on credential rotation. */
export interface SessionContext {
  target: KubeTarget;
  proxy: KubeProxy;
  store: StateStore;
  state: AgentState;
  log: Logger;
  signal: AbortSignal;
  infoIntervalMs: number;
  readiness: ReadinessTimings;
  /** Pushes health summaries on this session (protocol 3). */
  health?: HealthPusher;
  /** The console's control protocol (from the upgrade answer): what the summaries may carry. */
  consoleProtocol?: number;
  /** Called once the session exists (the tunnel is up). */
  onUp(session: TunnelSession): void;
}

async function rotateCredential(ctx: SessionContext, session: TunnelSession, message: TunnelControlMessage): Promise<void> {
  const credential = message.credential;
  if (typeof credential !== "string" || credential.length === 0) {
    session.sendControl({ type: "credential-rotation-failed", message: "no credential in rotate-credential" });
    return;
  }
  ctx.log.addSecret(credential);
  const next = { ...ctx.state, credential };
  try {
    await ctx.store.save(next);
  } catch (error) {
    ctx.log.error("credential rotation failed", { error: errorMessage(error) });
    session.sendControl({ type: "credential-rotation-failed", message: errorMessage(error) });
    return;
  }
  // Only switch after the new credential is stored: a crash in between keeps the old one valid.
  ctx.state.credential = credential;
  ctx.log.info("credential rotated", { stored: ctx.store.where });
  session.sendControl({ type: "credential-rotated" });
}

/**
 * Runs one connected tunnel until it closes: serves "k8s" streams through the proxy, sends
 * hello and then info every `infoIntervalMs`, reports readiness changes, pushes health, handles credential
 * rotation. Resolves with the
 * close info; closes the tunnel with 1000 when `signal` aborts (SIGTERM).
 */
export function runTunnelSession(ws: WebSocket, ctx: SessionContext): Promise<TunnelCloseInfo> {
  const { log, target, proxy } = ctx;
  const session = new TunnelSession(ws, {
    role: "agent",
    onStream(stream, streamTarget) {
      if (streamTarget !== KUBE_TARGET) throw new Error(`target "${streamTarget.slice(0, 64)}" not allowed`);
      stream.on("error", () => {}); // a reset stream concerns only its request; http.Server handles the rest
      proxy.handleStream(stream);
    },
  });
  if (!session.isOpen) return Promise.resolve({ code: 1006, reason: "websocket closed before the session started" });
  ctx.onUp(session);
  log.info("tunnel up", { clusterId: ctx.state.clusterId });

  const report = async (type: "hello" | "info") => {
    const info = await collectClusterInfo(target);
    if (!session.isOpen) return;
    session.sendControl({ type, ...info });
    if (type === "hello") log.info("hello sent", { kubernetesVersion: info.kubernetesVersion, nodeCount: info.nodeCount, serverCount: info.serverCount, ...(info.error ? { error: info.error } : {}) });
  };
  void report("hello");
  const infoTimer = setInterval(() => void report("info"), ctx.infoIntervalMs);
  // Protocol 2 (announced on connect): readiness is pushed, the console opens no probe streams.
  // An older console ignores the message and keeps probing through the proxy.
  const stopReadiness = watchReadiness(target, ctx.readiness, (verdict) => {
    if (!session.isOpen) return;
    session.sendControl({ ...verdict });
    log.info("readiness", { ready: verdict.ready, ...(verdict.reason ? { reason: verdict.reason } : {}) });
  });

  ctx.health?.attach(session, ctx.consoleProtocol);
  session.on("control", (message: TunnelControlMessage) => {
    if (message.type === "rotate-credential") void rotateCredential(ctx, session, message);
    else if (ctx.health?.onControl(message)) return;
    else log.info("control message ignored", { type: message.type.slice(0, 64) });
  });

  const onAbort = () => session.close(1000, "agent shutting down");
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  return new Promise((resolve) => {
    session.once("close", (info: TunnelCloseInfo) => {
      clearInterval(infoTimer);
      stopReadiness();
      ctx.health?.detach(session);
      ctx.signal.removeEventListener("abort", onAbort);
      resolve(info);
    });
    if (ctx.signal.aborted) onAbort();
  });
}
