import "server-only";
import type { z } from "zod";
import { can, type TPermission } from "@/lib/shared/permissions";
import { authenticateRequest } from "../auth/authenticate-request";
import type { Principal } from "../auth/principal";
import { ApiError } from "./api-error";
import { toErrorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";
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

/** Cookie-authenticated writes must come from our own pages (CSRF defence beside SameSite). */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("host");
  if (!host || new URL(origin).host !== host) throw new ApiError("forbidden", "Cross-origin request refused");
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
      const principal = await authenticateRequest(req.headers);
      if (spec.access !== "public") {
        if (!principal) throw new ApiError("unauthenticated", "Sign in or send a valid API token");
        if (principal.mustChangePassword && !spec.allowDuringPasswordChange) {
          throw new ApiError("password_change_required", "Change your password before continuing");
        }
        if (!can(principal.role, spec.access)) throw new ApiError("forbidden", "Your role does not allow this");
      }
      if (principal?.via === "session" && UNSAFE.has(req.method)) assertSameOrigin(req);
      const params = spec.params ? spec.params.parse(await segment.params) : undefined;
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined;
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
