import type { z } from "zod";
import { classifyEdgexProblem, type TNotFoundMeaning } from "./classify-failure";
import type { TEdgexFailure } from "./edgex-api.schema";
import type { TEdgexServiceRef } from "./match-edgex-services";
import type { EdgexRequest, EdgexTransport } from "./edgex-transport";

/** An EdgeX call's result: the parsed envelope, or the failure as data. */
export type EdgexResult<T> = { ok: true; data: T; latencyMs: number } | { ok: false; failure: TEdgexFailure; latencyMs: number };

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  return `unexpected response: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`;
}

/**
 * Calls one EdgeX endpoint and validates the JSON envelope with `schema`. Never throws for
 * the service's failure (down, slow, malformed, 404…): it comes back named (see
 * classifyEdgexProblem). `notFound` says what a 404 means for this endpoint.
 */
export async function callEdgex<S extends z.ZodType>(
  transport: EdgexTransport,
  service: TEdgexServiceRef,
  request: EdgexRequest,
  schema: S,
  notFound: TNotFoundMeaning = "unsupported",
): Promise<EdgexResult<z.infer<S>>> {
  const answer = await transport(service, request);
  if (!answer.ok) return { ok: false, failure: classifyEdgexProblem(answer.problem, notFound), latencyMs: answer.latencyMs };
  let json: unknown;
  try {
    json = answer.text.trim() === "" ? undefined : JSON.parse(answer.text);
  } catch (error) {
    const detail = `${service.name} sent invalid JSON (${answer.text.length} bytes): ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, failure: classifyEdgexProblem({ kind: "malformed", detail }), latencyMs: answer.latencyMs };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, failure: classifyEdgexProblem({ kind: "malformed", detail: `${service.name}: ${describeIssues(parsed.error)}` }), latencyMs: answer.latencyMs };
  }
  return { ok: true, data: parsed.data as z.infer<S>, latencyMs: answer.latencyMs };
}

/** The failure for a service the cluster does not run. */
export function absentService(key: string): TEdgexFailure {
  return { reason: "absent", status: null, detail: `the cluster runs no EdgeX ${key} service` };
}

/** The failure for every EdgeX call when the cluster itself cannot be asked. */
export function clusterFailure(error: { status: number; message: string }): TEdgexFailure {
  return { reason: "cluster", status: error.status, detail: error.message };
}
