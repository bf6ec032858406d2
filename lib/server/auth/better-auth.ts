import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { username } from "better-auth/plugins/username";
import { recordAuditEvent } from "../audit/record-audit-event";
import { prisma } from "../db/prisma";
import { getRuntimeContext } from "../runtime/runtime-context";
import { loadAuthSecret } from "./auth-secret";
import { oidcUserFromClaims } from "./oidc-profile";
import { ZUsernameSchema } from "@/lib/shared/users/users.schema";

/** Session lifetime; a session seen within `SESSION_UPDATE_AGE_S` is extended. */
const SESSION_TTL_S = 12 * 60 * 60;
const SESSION_UPDATE_AGE_S = 60 * 60;

function trustedOrigins(): string[] {
  const { config } = getRuntimeContext();
  const origins = new Set([new URL(config.serverUrl).origin]);
  for (const host of config.hostnames) {
    const h = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
    origins.add(`https://${h}:${config.port}`);
  }
  return [...origins];
}

/** better-auth's id of the configured OpenID provider (its callback is /api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

function createAuth() {
  const { config } = getRuntimeContext();
  const oidc = config.oidc;
  return betterAuth({
    appName: "Outpost",
    baseURL: config.serverUrl,
    basePath: "/api/auth",
    secret: loadAuthSecret(config.dataDir),
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Outpost's own limiter (per user + IP, 429) guards the login route.
    rateLimit: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    session: { expiresIn: SESSION_TTL_S, updateAge: SESSION_UPDATE_AGE_S, cookieCache: { enabled: false } },
    user: {
      additionalFields: {
        // Users created by single sign-on have no role of their own: role bindings give them access.
        role: { type: "string", input: false, defaultValue: "none" },
        // From the provider's groups claim, rewritten at every single sign-on (role bindings name them).
        idpGroups: { type: "string[]", required: false, defaultValue: [] },
        mustChangePassword: { type: "boolean", input: false, defaultValue: false },
        disabledAt: { type: "date", input: false, required: false },
        locale: { type: "string", input: false, required: false },
      },
    },
    hooks: {
      // A single sign-on that started a session is audited like a password login.
      after: createAuthMiddleware(async (ctx) => {
        const session = ctx.context.newSession;
        if (!ctx.path.startsWith("/callback/") || !session) return;
        const user = session.user as { id: string; email: string; username?: string | null; idpGroups?: string[] };
        await recordAuditEvent({ actor: { id: user.id, name: user.username ?? user.email }, action: "auth.login", details: { method: "oidc", groups: user.idpGroups ?? [] } });
      }),
    },
    // Single sign-on never joins an existing account by e-mail: a provider cannot take over a local user.
    account: { accountLinking: { enabled: false } },
    plugins: [
      username({ minUsernameLength: 2, maxUsernameLength: 64, usernameValidator: (u) => ZUsernameSchema.safeParse(u).success }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.name,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: oidc.scopes,
                  pkce: true,
                  requireIdTokenVerification: true,
                  overrideUserInfo: true,
                  postLogoutRedirectURI: "/login",
                  // The username is chosen once, at first sign-in (it is what bindings and audit name).
                  mapProfileToUser: async (profile) => {
                    const { username: name, displayUsername, ...rest } = oidcUserFromClaims(profile, oidc);
                    const known = await prisma.account.findFirst({ where: { providerId: OIDC_PROVIDER_ID, accountId: String(profile.sub ?? "") }, select: { id: true } });
                    return known ? rest : { ...rest, username: name, displayUsername };
                  },
                },
              ],
            }),
          ]
        : []),
    ],
    advanced: {
      cookiePrefix: "outpost",
      useSecureCookies: true,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    },
    logger: { level: "error" },
  });
}

export type OutpostAuth = ReturnType<typeof createAuth>;

let instance: OutpostAuth | undefined;

/** The better-auth instance (sessions, password hashing with scrypt, cookies). */
export function getAuth(): OutpostAuth {
  instance ??= createAuth();
  return instance;
}
