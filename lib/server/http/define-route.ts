import "server-only";
import type { z } from "zod";
import { can, CLUSTER_PERMISSIONS, type TPermission } from "@/lib/shared/permissions";
import { scopeToCluster } from "../access/cluster-scope";
import { strongestRoleOf } from "../access/resolve-principal-access";
import { authenticateRequest } from "../auth/authenticate-request";
import { auditActorOf, type Principal } from "../auth/principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { log } from "../log/logger";
import { ApiError } from "./api-error";
import { toErrorResponse } from "./error-response";
import { hasUnstorableString, readJsonBody } from "./read-json-body";
import { requestMeta, type RequestMeta } from "./request-meta";

type Access = TPermission | "public";
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

interface RouteSpec<P, Q, B, A extends Access> {
  /** The permission the caller must hold, or "public" (no login; e.g. agents, /session). */
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Allowed while the user must still change their password (me, own password, logout). */
  allowDuringPasswordChange?: boolean;
  /**
   * A public route whose request proves itself by a signature over its body (Git webhooks):
   * the browser-write rule (same Origin, JSON content type) does not apply — a Git host posts
   * form-encoded payloads, and a forged cross-site post lacks the signature anyway.
   */
  signedBody?: A extends "public" ? boolean : never;
}

export interface RouteContext<P, Q, B, A extends Access> {
  req: Request;
  principal: A extends "public" ? Principal | null : Principal;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  meta: RequestMeta;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from our own pages (CSRF defence beside SameSite):
 * an Origin other than ours — `null` (sandboxed frames, some redirects) and unparsable
 * values included — is refused, and a body must be declared `application/json` (a
 * cross-site form can only send `text/plain`, urlencoded or multipart without a preflight).
 */
function assertBrowserWriteAllowed(req: Request): void {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    const host = req.headers.get("host");
    if (!originHost || !host || originHost !== host) throw new ApiError("forbidden", "Cross-origin request refused");
  }
  const type = req.headers.get("content-type");
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding") || type !== null;
  if (hasBody && !/^application\/json\s*(;|$)/i.test(type ?? "")) {
    throw new ApiError("unsupported_media_type", "Send the request body as application/json");
  }
}

/** A write refused by the console's own permission check is audited (outcome `denied`). */
async function auditDenied(req: Request, principal: Principal, permission: TPermission, meta: RequestMeta): Promise<void> {
  await recordAuditEvent({
    actor: auditActorOf(principal),
    action: "access.denied",
    outcome: "denied",
    ip: meta.ip,
    requestId: meta.requestId,
    details: { method: req.method, path: new URL(req.url).pathname, permission, role: principal.role },
  }).catch((error: unknown) => log.error(`audit of a refused request failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** The cluster a route acts on: `/api/v1/clusters/{id}/…` and `/api/v1/fleet/clusters/{id}/…`. */
export function clusterIdOfPath(pathname: string): string | null {
  const match = /^\/api\/v1\/(?:fleet\/)?clusters\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * The permission check of every route. On a cluster's routes the principal is scoped to
 * that cluster (its role becomes the role held there: out of scope → 403). Elsewhere a
 * cluster permission needs a role somewhere (lists then show only the clusters in scope)
 * and a console permission needs the global role. A read-only token makes no writes.
 */
async function authorize(req: Request, principal: Principal, permission: TPermission): Promise<Principal> {
  if (principal.access.readOnly && UNSAFE.has(req.method)) throw new ApiError("forbidden", "This API token is read-only");
  const clusterId = clusterIdOfPath(new URL(req.url).pathname);
  if (clusterId !== null) return scopeToCluster(principal, clusterId, permission);
  const role = CLUSTER_PERMISSIONS.has(permission) ? strongestRoleOf(principal.access) : principal.role;
  if (!can(role, permission)) throw new ApiError("forbidden", "Your role does not allow this");
  return principal;
}

/**
 * Builds a Next.js route handler: authenticate → check the declared permission → parse
 * params, query and JSON body with zod → run `handler` → JSON response. Every error
 * becomes the API's error body (see toErrorResponse). Handlers stay thin: one lib call.
 */
export function defineRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, A extends Access = Access>(
  spec: RouteSpec<P, Q, B, A>,
  handler: (ctx: RouteContext<P, Q, B, A>) => Promise<unknown>,
) {
  return async (req: Request, segment: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const meta = requestMeta(req.headers);
    try {
      let principal = await authenticateRequest(req.headers);
      if (spec.access !== "public") {
        if (!principal) throw new ApiError("unauthenticated", "Sign in or send a valid API token");
        if (principal.mustChangePassword && !spec.allowDuringPasswordChange) {
          throw new ApiError("password_change_required", "Change your password before continuing");
        }
        const caller: Principal = principal;
        const access = spec.access as TPermission;
        principal = await authorize(req, caller, access).catch(async (error: unknown) => {
          if (error instanceof ApiError && error.code === "forbidden" && UNSAFE.has(req.method)) await auditDenied(req, caller, access, meta);
          throw error;
        });
      }
      // Browsers send cookies; the login form (no principal yet) is held to the same rule.
      if (UNSAFE.has(req.method) && !spec.signedBody && (principal?.via === "session" || (!principal && !req.headers.has("authorization")))) assertBrowserWriteAllowed(req);
      const rawParams = await segment.params;
      const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
      // PostgreSQL text cannot hold these: a 400 here instead of a 500 from the database.
      if (hasUnstorableString(rawParams) || hasUnstorableString(rawQuery)) {
        throw new ApiError("bad_request", "The request path or query contains a NUL character or an unpaired UTF-16 surrogate");
      }
      const params = spec.params ? spec.params.parse(rawParams) : undefined;
      const query = spec.query ? spec.query.parse(rawQuery) : undefined;
      const body = spec.body ? spec.body.parse(await readJsonBody(req)) : undefined;
      const result = await handler({ req, principal, params, query, body, meta } as RouteContext<P, Q, B, A>);
      const response = result instanceof Response ? result : Response.json(result ?? { ok: true });
      response.headers.set("x-request-id", meta.requestId);
      return response;
    } catch (error) {
      return toErrorResponse(error, meta.requestId);
    }
  };
}
