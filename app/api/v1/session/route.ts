// POST /api/v1/session – log in with {username, password}; sets the session cookie
// DELETE /api/v1/session – log out (clears the cookie); {ok, logoutUrl}: the identity provider's
// end-session URL after a single sign-on (the browser goes there), else null
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { signIn } from "@/lib/server/auth/sign-in";
import { signOut } from "@/lib/server/auth/sign-out";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZLoginSchema } from "@/lib/shared/users/users.schema";

function withCookies(body: unknown, status: number, cookies: string[]): Response {
  const response = Response.json(body, { status });
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return response;
}

export const POST = defineRoute({ access: "public", body: ZLoginSchema }, async ({ req, body, meta }) => {
  const { user, setCookies } = await signIn(body, req.headers, meta);
  // The user's stored language follows them to this browser.
  const locale = user.locale ? [`${LOCALE_COOKIE}=${user.locale}; Path=/; Max-Age=31536000; SameSite=Lax; Secure`] : [];
  return withCookies({ user }, 200, [...setCookies, ...locale]);
});

export const DELETE = defineRoute({ access: "public" }, async ({ req, principal, meta }) => {
  const { cookies, logoutUrl } = principal?.via === "session" ? await signOut(principal, req.headers, meta) : { cookies: [], logoutUrl: null };
  return withCookies({ ok: true, logoutUrl }, 200, cookies);
});
