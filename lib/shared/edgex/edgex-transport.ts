import type { TEdgexProblem } from "./classify-failure";
import type { TEdgexServiceRef } from "./match-edgex-services";

/** One request to an EdgeX service (path after the proxy prefix, e.g. `/api/v3/ping`). */
export interface EdgexRequest {
  method?: "GET" | "PUT";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body (PUT). */
  body?: unknown;
  timeoutMs: number;
}

/** The raw outcome: a 2xx answer's text, or the problem. `latencyMs` is the round trip either way. */
export type EdgexRawAnswer = { ok: true; status: number; text: string; latencyMs: number } | { ok: false; problem: TEdgexProblem; latencyMs: number };

/**
 * Carries a request to one EdgeX service. In the console it is the Kubernetes service proxy
 * over the cluster's tunnel (kube-proxy-transport.ts); tests may hand the simulator's
 * handlers directly, so both EdgeX releases can be exercised with the same client code.
 */
export type EdgexTransport = (service: TEdgexServiceRef, request: EdgexRequest) => Promise<EdgexRawAnswer>;

/** Responses larger than this are refused (a 1,024-event page is ~1 MiB). */
export const MAX_EDGEX_BODY_BYTES = 8 * 1024 * 1024;

/** Encodes each segment of an EdgeX path (names are validated, but never trust a path). */
export function edgexPath(...segments: string[]): string {
  return "/api/v3/" + segments.map((s) => encodeURIComponent(s)).join("/");
}

/** The apiserver's service-proxy path of an EdgeX service (the console's and the agent's way in). */
export function serviceProxyPath(service: TEdgexServiceRef, path: string): string {
  const target = service.port ? `${service.name}:${service.port}` : service.name;
  return `/api/v1/namespaces/${encodeURIComponent(service.namespace)}/services/${encodeURIComponent(target)}/proxy${path}`;
}
