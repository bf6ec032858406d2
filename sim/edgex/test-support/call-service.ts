import type { EdgexDeployment, SimHttpResponse } from "../types";
import { loadSpec, responseSchema, validate } from "./openapi-check";

// Test-only: calls a simulated service's handle() directly, as the service proxy would.

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
  raw: SimHttpResponse;
}

export interface CallOptions {
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** GET (by default) `pathAndQuery` on the named service of a deployment. */
export async function call(dep: EdgexDeployment, service: string, pathAndQuery: string, opts: CallOptions = {}): Promise<CallResult> {
  const svc = dep.services.find((s) => s.name === service);
  if (!svc) throw new Error(`no service ${service}`);
  const [p = "/", q = ""] = pathAndQuery.split("?");
  const raw = await svc.handle({
    method: opts.method ?? "GET",
    path: p,
    query: new URLSearchParams(q),
    headers: opts.headers ?? {},
    body: typeof opts.body === "string" ? Buffer.from(opts.body) : (opts.body ?? Buffer.alloc(0)),
  });
  const text = typeof raw.body === "string" ? raw.body : raw.body.toString("utf8");
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: raw.status, headers: raw.headers ?? {}, text, json, raw };
}

/** A JSON object field, for tests that walk response bodies. */
export function obj(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Problems of a response against the spec (empty when it conforms), including EdgeX's
 * envelope rules: apiVersion "v3" and a statusCode equal to the HTTP status.
 */
export function specProblems(
  release: "3.1" | "4.0",
  specName: string,
  template: string,
  method: string,
  res: CallResult,
): string[] {
  const spec = loadSpec(release, specName);
  if (res.json === undefined) return [`body is not JSON: ${res.text.slice(0, 80)}`];
  const problems = validate(spec, responseSchema(spec, template, method, res.status), res.json);
  const body = obj(res.json);
  if (body.apiVersion !== "v3") problems.push(`apiVersion is ${String(body.apiVersion)}`);
  if ("statusCode" in body && body.statusCode !== res.status) problems.push(`statusCode ${String(body.statusCode)} != HTTP ${res.status}`);
  if (res.headers["content-type"] !== "application/json") problems.push(`content-type ${res.headers["content-type"]}`);
  return problems;
}
