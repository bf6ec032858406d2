import "server-only";
import { getRuntimeContext } from "../runtime/runtime-context";
import { ApiError } from "../http/api-error";
import { getAuth, OIDC_PROVIDER_ID } from "./better-auth";

/**
 * Starts single sign-on: better-auth makes the authorization request (code flow with PKCE,
 * state and nonce kept in a signed cookie) and the browser is sent to the provider's login
 * page. Its answer comes back to /api/auth/callback/oidc, which creates or updates the user
 * from the claims and starts the session. 404 while no provider is configured.
 */
export async function startOidcSignIn(headers: Headers): Promise<Response> {
  if (!getRuntimeContext().config.oidc) throw new ApiError("not_found", "Single sign-on is not configured");
  const response = await getAuth().api.signInSocial({
    body: { provider: OIDC_PROVIDER_ID, callbackURL: "/fleet", errorCallbackURL: "/login?sso=failed", disableRedirect: true },
    headers,
    asResponse: true,
  });
  const { url } = (await response.json()) as { url?: string };
  if (!response.ok || !url) throw new ApiError("unavailable", "The identity provider cannot be reached; try again later");
  const redirect = new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
  for (const cookie of response.headers.getSetCookie()) redirect.headers.append("set-cookie", cookie);
  return redirect;
}
