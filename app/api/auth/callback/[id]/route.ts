// GET|POST /api/auth/callback/oidc – the OpenID provider's redirect back (better-auth's own
// callback: checks state and PKCE, verifies the ID token, provisions the user, sets the
// session cookie, redirects to /fleet). The only better-auth endpoint Outpost mounts; any
// other provider id, or any id while single sign-on is off, is the console's JSON 404.
import { getAuth, OIDC_PROVIDER_ID } from "@/lib/server/auth/better-auth";
import { ApiError } from "@/lib/server/http/api-error";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { requestMeta } from "@/lib/server/http/request-meta";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";

export const dynamic = "force-dynamic";

async function handle(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (id !== OIDC_PROVIDER_ID || !getRuntimeContext().config.oidc) {
    return toErrorResponse(new ApiError("not_found", "Single sign-on is not configured for this provider"), requestMeta(req.headers).requestId);
  }
  return getAuth().handler(req);
}

export const GET = handle;
export const POST = handle;
