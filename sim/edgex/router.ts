import { errorResponse } from "./http-response";
import type { RouteHandler, ServiceContext, SimHttpRequest, SimHttpResponse } from "./types";

// A minimal path router with EdgeX (echo) semantics: exact paths, `:param` segments,
// 405 when the path exists under another method, 404 otherwise. Tables hold no
// deployment state — the context comes with each call — so one compiled table per
// (service, release) serves every simulated cluster in the process.

export interface Route {
  method: string;
  /** e.g. "/api/v3/device/name/:name", or a trailing "*key" for the rest of the path. */
  path: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  const last = pattern[pattern.length - 1] ?? "";
  const wildcard = last.startsWith("*");
  if (wildcard ? actual.length < pattern.length : pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const a = actual[i] ?? "";
    if (wildcard && i === pattern.length - 1) {
      const rest = actual.slice(i).join("/");
      if (rest === "") return null;
      params[p.slice(1)] = rest;
    } else if (p.startsWith(":")) {
      if (a === "") return null;
      params[p.slice(1)] = a;
    } else if (p !== a) {
      return null;
    }
  }
  return params;
}

function decodeParams(raw: Record<string, string>): Record<string, string> | null {
  const out: Record<string, string> = {};
  try {
    for (const [k, v] of Object.entries(raw)) out[k] = decodeURIComponent(v);
  } catch {
    return null;
  }
  return out;
}

/**
 * Builds a request handler from a route table. It never throws: an unexpected handler
 * error becomes EdgeX's 500 envelope, as a Go service would recover from a panic.
 */
export function createRouter(routes: Route[]): (req: SimHttpRequest, ctx: ServiceContext) => SimHttpResponse {
  const compiled: CompiledRoute[] = routes.map((r) => ({ ...r, segments: splitPath(r.path) }));
  return (req, ctx) => {
    const path = req.path.startsWith("/") ? req.path : `/${req.path}`;
    const actual = splitPath(path);
    const method = req.method.toUpperCase();
    const allowed = new Set<string>();
    for (const route of compiled) {
      const raw = matchSegments(route.segments, actual);
      if (!raw) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      const params = decodeParams(raw);
      if (!params) return errorResponse(req, 400, "failed to decode the request path");
      try {
        return route.handler({ req, params, ctx });
      } catch (err) {
        const reason = err instanceof Error ? err.message : "unknown error";
        return errorResponse(req, 500, `internal error: ${reason}`);
      }
    }
    if (allowed.size > 0) {
      const res = errorResponse(req, 405, "Method Not Allowed");
      return { ...res, headers: { ...res.headers, allow: [...allowed].sort().join(", ") } };
    }
    return errorResponse(req, 404, "Not Found");
  };
}
