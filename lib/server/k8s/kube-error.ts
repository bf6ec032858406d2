import "server-only";
import type { TErrorCode } from "@/lib/shared/api/error-codes";
import type { TClusterError } from "@/lib/shared/explorer/explorer.schema";
import { ApiError } from "../http/api-error";

/** One entry of a Kubernetes Status's `details.causes`. */
export interface TKubeStatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/**
 * The one error of lib/server/k8s: a cluster call failed. It is an ApiError, so a route
 * that lets it escape answers with the mapped status and code; list and detail operations
 * catch it and return `toData()` instead (per-cluster errors are data).
 *
 * `status` is what the console answers; `kubeStatus` what the cluster (or the tunnel)
 * produced; `reason` the Kubernetes Status reason or ours (ClusterNotConnected, Timeout).
 */
export class KubeError extends ApiError {
  override name = "KubeError";

  constructor(
    readonly clusterId: string,
    code: TErrorCode,
    readonly kubeStatus: number,
    readonly reason: string,
    message: string,
    extra: { headers?: Record<string, string>; source?: "cluster"; causes?: TKubeStatusCause[] } = {},
  ) {
    super(code, message, extra);
    this.causes = extra.causes ?? [];
  }

  /** `details.causes` of the cluster's Status (field conflicts of a server-side apply, invalid fields). */
  readonly causes: TKubeStatusCause[];

  /** The error as data for `{ cluster, items, error }` responses. */
  toData(): TClusterError {
    return { code: this.code, status: this.kubeStatus, reason: this.reason, message: this.message };
  }
}

/**
 * The API code for a status a cluster answered. Cluster-side failures (5xx, and 401: the
 * agent's own credential was refused) become `unavailable` — the console itself did not fail,
 * so it never answers 500 for a cluster.
 */
export function codeForKubeStatus(status: number): TErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
    case 410:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "validation_failed";
    case 429:
      return "rate_limited";
    case 504:
      return "upstream_timeout";
    default:
      return status >= 400 && status < 500 && status !== 401 ? "bad_request" : "unavailable";
  }
}

/** Builds the KubeError for a non-2xx answer, reading message/reason from a Status body when there is one. */
export function kubeErrorFromResponse(clusterId: string, status: number, bodyText: string, retryAfter?: string): KubeError {
  let message = `The cluster answered HTTP ${status}`;
  let reason = status === 401 ? "Unauthorized" : `HTTP${status}`;
  let causes: TKubeStatusCause[] = [];
  try {
    const body = JSON.parse(bodyText) as { kind?: string; message?: string; reason?: string; details?: { causes?: unknown } };
    if (body.kind === "Status") {
      if (body.message) message = body.message;
      if (body.reason) reason = body.reason;
      if (Array.isArray(body.details?.causes)) causes = (body.details.causes as TKubeStatusCause[]).slice(0, 100);
    }
  } catch {
    if (bodyText.trim()) message = `${message}: ${bodyText.trim().slice(0, 200)}`;
  }
  if (status === 401) message = `The cluster refused the agent's credentials: ${message}`;
  // A 4xx other than 401 is the cluster's own decision about the request (its RBAC, its
  // validation): the UI shows the cluster's words, not a console error.
  const source = status >= 400 && status < 500 && status !== 401 ? ("cluster" as const) : undefined;
  return new KubeError(clusterId, codeForKubeStatus(status), status, reason, message, { ...(retryAfter ? { headers: { "retry-after": retryAfter } } : {}), ...(source ? { source } : {}), causes });
}

/** The cluster has no connected agent. */
export function clusterNotConnected(clusterId: string): KubeError {
  return new KubeError(clusterId, "unavailable", 503, "ClusterNotConnected", "The cluster's agent is not connected");
}

/** The cluster did not answer within the deadline. */
export function clusterTimeout(clusterId: string, timeoutMs: number): KubeError {
  return new KubeError(clusterId, "upstream_timeout", 504, "Timeout", `The cluster did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
