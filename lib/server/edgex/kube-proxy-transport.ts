import "server-only";
import { setMaxListeners } from "node:events";
import type { TEdgexProblem } from "@/lib/shared/edgex/classify-failure";
import type { TEdgexServiceRef } from "@/lib/shared/edgex/match-edgex-services";
import { KubeError } from "../k8s/kube-error";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeStream, type KubeStream } from "../k8s/kube-request";
import { MAX_EDGEX_BODY_BYTES, serviceProxyPath, type EdgexRawAnswer, type EdgexRequest, type EdgexTransport } from "@/lib/shared/edgex/edgex-transport";

const TIMED_OUT = Symbol("timed out");

/** Reads the body within what is left of the deadline; aborting the stream on expiry frees the tunnel stream. */
function readBody(stream: KubeStream, ms: number): Promise<string | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      stream.abort();
      resolve(TIMED_OUT);
    }, Math.max(1, ms));
    stream.body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_EDGEX_BODY_BYTES) {
        clearTimeout(timer);
        stream.abort();
        reject(new Error(`response larger than ${MAX_EDGEX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.body.once("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    stream.body.once("close", () => {
      clearTimeout(timer);
      // After "end" this is a no-op; before it the connection was cut mid-body.
      reject(new Error("the answer was cut off"));
    });
  });
}

/**
 * Turns a KubeError from the tunnel layer into a problem. The k8s layer names its own
 * failures by reason; a non-Status body keeps reason `HTTP<status>`, which is how the
 * service's own answer (EdgeX's error envelope) is told apart from the apiserver's Status.
 */
function problemOf(error: KubeError, service: TEdgexServiceRef, timeoutMs: number): TEdgexProblem {
  if (error.reason === "ClusterNotConnected" || error.reason === "TunnelError" || error.kubeStatus === 401) {
    return { kind: "cluster", status: error.kubeStatus, message: error.message };
  }
  // Ours (no answer head in time) or the apiserver's own Status Timeout: slow either way.
  if (error.reason === "Timeout") return { kind: "timeout", timeoutMs };
  const fromService = /^HTTP\d+$/.test(error.reason);
  const message = fromService ? `${service.name} answered HTTP ${error.kubeStatus}` : error.message;
  return { kind: "http", status: error.kubeStatus, fromService, reason: error.reason, message };
}

/**
 * The console's EdgeX transport: every request goes through the Kubernetes service proxy
 * (`/api/v1/namespaces/{ns}/services/{name}:{port}/proxy/…`) over the cluster's tunnel,
 * via the one cluster client (kubeStream), with one deadline for head and body. `identity`
 * null = the console's own (reads, see docs/API.md); a user for writes.
 */
export function kubeProxyTransport(clusterId: string, identity: KubeIdentity, signal?: AbortSignal): EdgexTransport {
  // One page request fans out to ~20 EdgeX calls, each listening on the request's signal.
  if (signal) setMaxListeners(64, signal);
  return async (service: TEdgexServiceRef, request: EdgexRequest): Promise<EdgexRawAnswer> => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const stream = await kubeStream(clusterId, identity, {
        method: request.method ?? "GET",
        path: serviceProxyPath(service, request.path),
        query: request.query,
        body: request.body,
        timeoutMs: request.timeoutMs,
        signal,
      });
      const text = await readBody(stream, request.timeoutMs - elapsed());
      if (text === TIMED_OUT) return { ok: false, problem: { kind: "timeout", timeoutMs: request.timeoutMs }, latencyMs: elapsed() };
      return { ok: true, status: stream.status, text, latencyMs: elapsed() };
    } catch (error) {
      if (error instanceof KubeError) return { ok: false, problem: problemOf(error, service, request.timeoutMs), latencyMs: elapsed() };
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { kind: "http", status: 502, fromService: true, reason: "BodyError", message: `${service.name}: ${message}` }, latencyMs: elapsed() };
    }
  };
}
