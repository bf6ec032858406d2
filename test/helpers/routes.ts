// Discovers every route handler under app/ and calls it in-process like server.ts and
// Next.js would, so integration tests cover each route without a browser or an HTTP server.
import fs from "node:fs";
import path from "node:path";
import { malformedPathResponse } from "@/lib/server/http/malformed-path";

const APP = path.resolve(__dirname, "../../app");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface RouteFile {
  /** URL pattern, e.g. "/api/v1/users/[id]". */
  pattern: string;
  file: string;
  regex: RegExp;
  paramNames: string[];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name === "route.ts" ? [p] : [];
  });
}

export function discoverRoutes(): RouteFile[] {
  return walk(APP).map((file) => {
    const segments = path
      .relative(APP, path.dirname(file))
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s)); // route groups do not appear in URLs
    const paramNames: string[] = [];
    const regex = segments.map((s) => {
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(s);
      if (catchAll?.[1]) {
        paramNames.push(catchAll[1]);
        return "/(.+)";
      }
      const param = /^\[(.+)\]$/.exec(s);
      if (param?.[1]) {
        paramNames.push(param[1]);
        return "/([^/]+)";
      }
      return "/" + s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return { pattern: "/" + segments.join("/"), file, regex: new RegExp(`^${regex.join("") || "/"}$`), paramNames };
  });
}

/** Methods a route module exports. */
export async function routeMethods(route: RouteFile): Promise<Method[]> {
  const mod = (await import(route.file)) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === "function");
}

export interface CallOptions {
  body?: unknown;
  /** Sent verbatim (for malformed-body tests); wins over `body`. */
  rawBody?: string;
  cookie?: string;
  token?: string;
  headers?: Record<string, string>;
  ip?: string;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const routes = discoverRoutes();

/** Calls the route handler serving `method url` (url may carry a query string). */
export async function callRoute(method: Method, url: string, opts: CallOptions = {}): Promise<Response> {
  const full = new URL(url, "https://localhost:8443");
  // As server.ts: a path Next.js could not decode into parameters never reaches a route.
  const malformed = malformedPathResponse(full.pathname, new Headers(opts.headers), "test-request");
  if (malformed) return malformed;
  for (const route of routes) {
    const match = route.regex.exec(full.pathname);
    if (!match) continue;
    const mod = (await import(route.file)) as Record<string, Handler | undefined>;
    const handler = mod[method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.paramNames.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")]));
    const headers = new Headers({ host: "localhost:8443", "x-outpost-client-ip": opts.ip ?? "127.0.0.1", ...opts.headers });
    if (opts.cookie) headers.set("cookie", opts.cookie);
    if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    const req = new Request(full, { method, headers, body });
    return handler(req, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}
