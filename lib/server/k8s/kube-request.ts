import "server-only";
import type { Readable } from "node:stream";
import type { IncomingHttpHeaders } from "node:http";
import { isClusterConnected } from "../tunnel/tunnel-registry";
import { dispatcherFor, TUNNEL_ORIGIN } from "./kube-dispatcher";
import { clusterNotConnected, clusterTimeout, KubeError, kubeErrorFromResponse } from "./kube-error";
import { impersonationHeaders, type KubeIdentity } from "./kube-identity";
import { BodyTooLargeError, MAX_ERROR_BODY_BYTES, MAX_KUBE_BODY_BYTES, readBoundedText } from "./bounded-body";
import { reportAgentViolation } from "../tunnel/agent-budget";

/** Default deadline of every upstream call (for streams: until the response head arrives). */
export const DEFAULT_KUBE_TIMEOUT_MS = 10_000;

/** One call to a cluster's apiserver. */
export interface KubeCall {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Absolute apiserver path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body (serialised here). */
  body?: unknown;
  /** Content type of the body (patch types); default application/json. */
  contentType?: string;
  accept?: string;
  /** Deadline in ms (default 10 s). */
  timeoutMs?: number;
  /** Largest answer read into memory (default 64 MiB); beyond it the call fails `ResponseTooLarge`. */
  maxBytes?: number;
  /** The caller's cancellation (client went away). */
  signal?: AbortSignal;
  /** Console background reads only: may use the tunnel's reserved streams (see dispatcherFor). */
  reserved?: boolean;
}

/** A streaming answer (watch, log follow): the head arrived, the body flows until aborted. */
export interface KubeStream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
  /** Ends the upstream request (and its tunnel stream). */
  abort(): void;
}

function pathWithQuery(call: KubeCall): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${call.path}?${qs}` : call.path;
}

function failure(clusterId: string, error: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (error instanceof KubeError) return error;
  if (error instanceof BodyTooLargeError) {
    reportAgentViolation(clusterId, error.message);
    return new KubeError(clusterId, "unavailable", 502, "ResponseTooLarge", `The cluster's answer was too large: ${error.message}`);
  }
  if (timedOut) return clusterTimeout(clusterId, timeoutMs);
  const err = error as { name?: string; message?: string; cause?: { name?: string } };
  // Compared by name: server.ts and Next's bundles hold separate copies of the class.
  if (err?.name === "ClusterNotConnectedError" || err?.cause?.name === "ClusterNotConnectedError") return clusterNotConnected(clusterId);
  return new KubeError(clusterId, "unavailable", 503, "TunnelError", `Cannot reach the cluster: ${err?.message ?? String(error)}`);
}

async function send(clusterId: string, identity: KubeIdentity, call: KubeCall, signal: AbortSignal) {
  if (!isClusterConnected(clusterId)) throw clusterNotConnected(clusterId);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string | string[]> = {
    accept: call.accept ?? "application/json",
    "user-agent": "outpost-console",
    ...impersonationHeaders(identity),
  };
  if (body !== undefined) headers["content-type"] = call.contentType ?? "application/json";
  return dispatcherFor(clusterId, call.reserved).request({
    origin: TUNNEL_ORIGIN,
    path: pathWithQuery(call),
    method: call.method ?? "GET",
    headers,
    body,
    signal,
    // Our own timer enforces the deadline; undici's would fire on idle streams (watch, logs -f).
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}

/**
 * The abort controller of one call: fires after the deadline (remembering that it was the
 * deadline) or when the caller's signal aborts — also when it was aborted already.
 */
function deadlineFor(call: KubeCall) {
  const timeoutMs = call.timeoutMs ?? DEFAULT_KUBE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort(call.signal?.reason);
  if (call.signal?.aborted) controller.abort(call.signal.reason);
  call.signal?.addEventListener("abort", onAbort, { once: true });
  return {
    controller,
    timeoutMs,
    timedOut: () => timedOut,
    stopTimer: () => clearTimeout(timer),
    release: () => call.signal?.removeEventListener("abort", onAbort),
  };
}

/**
 * Calls a cluster and parses the JSON answer. Throws KubeError: not connected → 503
 * `unavailable`; no complete answer within the deadline → 504 `upstream_timeout`; a
 * Kubernetes Status error → the matching status (see codeForKubeStatus).
 */
export async function kubeJson<T>(clusterId: string, identity: KubeIdentity, call: KubeCall): Promise<T> {
  const deadline = deadlineFor(call);
  try {
    const res = await send(clusterId, identity, call, deadline.controller.signal);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const text = await readBoundedText(res.body, ok ? (call.maxBytes ?? MAX_KUBE_BODY_BYTES) : MAX_ERROR_BODY_BYTES, ok ? "answer" : "error answer");
    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw kubeErrorFromResponse(clusterId, res.statusCode, text, res.headers["retry-after"] as string | undefined);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  } catch (error) {
    if (call.signal?.aborted && !deadline.timedOut()) throw error;
    throw failure(clusterId, error, deadline.timedOut(), deadline.timeoutMs);
  } finally {
    deadline.stopTimer();
    deadline.release();
  }
}

/**
 * Opens a streaming call (watch, `follow=true` logs). The deadline covers the response head
 * only; the body streams until the server ends it, `abort()` is called, or `call.signal`
 * fires — each of which ends the upstream request and its tunnel stream.
 */
export async function kubeStream(clusterId: string, identity: KubeIdentity, call: KubeCall): Promise<KubeStream> {
  const deadline = deadlineFor(call);
  const { controller, release } = deadline;
  try {
    const res = await send(clusterId, identity, call, controller.signal);
    deadline.stopTimer();
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const text = await readBoundedText(res.body, MAX_ERROR_BODY_BYTES, "error answer").catch((error: unknown) => {
        release();
        throw failure(clusterId, error, false, deadline.timeoutMs);
      });
      release();
      throw kubeErrorFromResponse(clusterId, res.statusCode, text, res.headers["retry-after"] as string | undefined);
    }
    res.body.once("close", release);
    // An aborted body emits "error"; the consumer sees the end instead of a crash.
    res.body.on("error", () => undefined);
    return {
      status: res.statusCode,
      headers: res.headers as IncomingHttpHeaders,
      body: res.body,
      abort: () => {
        controller.abort();
        res.body.destroy();
      },
    };
  } catch (error) {
    deadline.stopTimer();
    release();
    if (call.signal?.aborted && !deadline.timedOut()) throw error;
    throw failure(clusterId, error, deadline.timedOut(), deadline.timeoutMs);
  }
}
