import type { TEdgexFailure } from "./edgex-api.schema";

/** What went wrong with one call, before it is named for the page. */
export type TEdgexProblem =
  | { kind: "timeout"; timeoutMs: number }
  /** A non-2xx answer. `fromService`: the body was the service's own (not a Kubernetes Status from the apiserver's proxy). */
  | { kind: "http"; status: number; fromService: boolean; reason: string; message: string }
  /** The cluster itself could not be asked (agent not connected, tunnel failure, agent credentials refused). */
  | { kind: "cluster"; status: number; message: string }
  | { kind: "malformed"; detail: string };

/** What a 404 from the service means for this endpoint. */
export type TNotFoundMeaning = "unsupported" | "not_found";

/**
 * Names a failed EdgeX call precisely, for the service it concerns:
 * - the apiserver's proxy answering 5xx (503 "error trying to reach service … connection
 *   refused", "no endpoints available") or 404 for the Service → `down`;
 * - no answer in time → `slow`; an unparseable 200 → `malformed`;
 * - the service's own 404 → `unsupported` for endpoints an older release lacks (ping,
 *   config, list endpoints) or `not_found` for lookups by name; its 405 → `unsupported`;
 *   other 4xx → `rejected` (400 bad value, 416 range, 423 locked/DOWN); 5xx → `error`;
 * - 401/403 from the apiserver → `forbidden`.
 */
export function classifyEdgexProblem(problem: TEdgexProblem, notFound: TNotFoundMeaning = "unsupported"): TEdgexFailure {
  switch (problem.kind) {
    case "timeout":
      return { reason: "slow", status: null, detail: `no answer within ${problem.timeoutMs} ms`, timeoutMs: problem.timeoutMs };
    case "malformed":
      return { reason: "malformed", status: 200, detail: problem.detail };
    case "cluster":
      return { reason: "cluster", status: problem.status, detail: problem.message };
    case "http":
      break;
  }
  const { status, message } = problem;
  if (problem.fromService) {
    if (status === 404) return { reason: notFound, status, detail: message };
    if (status === 405) return { reason: "unsupported", status, detail: message };
    if (status >= 400 && status < 500) return { reason: "rejected", status, detail: message };
    return { reason: "error", status, detail: message };
  }
  if (status === 401 || status === 403) return { reason: "forbidden", status, detail: message };
  if (status === 504) return { reason: "slow", status, detail: message };
  if (status === 404 || status >= 500) return { reason: "down", status, detail: message };
  return { reason: "error", status, detail: message };
}
