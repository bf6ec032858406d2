// GET|POST /api/auth/callback/oidc – the OpenID provider's redirect back (better-auth's own
// callback: checks state and PKCE, verifies the ID token, provisions the user, sets the
// session cookie, redirects to /fleet). The only better-auth endpoint Outpost mounts.
import { getAuth } from "@/lib/server/auth/better-auth";

export const dynamic = "force-dynamic";

const handle = (req: Request) => getAuth().handler(req);

export const GET = handle;
export const POST = handle;
