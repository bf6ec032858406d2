// GET /api/v1/session/oidc – single sign-on: redirects to the OpenID provider's login page (404 when not configured)
import { startOidcSignIn } from "@/lib/server/auth/start-oidc-sign-in";
import { defineRoute } from "@/lib/server/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "public" }, async ({ req }) => startOidcSignIn(req.headers));
