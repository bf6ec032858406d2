import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { username } from "better-auth/plugins/username";
import { prisma } from "../db/prisma";
import { getRuntimeContext } from "../runtime/runtime-context";
import { loadAuthSecret } from "./auth-secret";
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

function createAuth() {
  const { config } = getRuntimeContext();
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
        role: { type: "string", input: false, defaultValue: "viewer" },
        mustChangePassword: { type: "boolean", input: false, defaultValue: false },
        disabledAt: { type: "date", input: false, required: false },
        locale: { type: "string", input: false, required: false },
      },
    },
    plugins: [username({ minUsernameLength: 2, maxUsernameLength: 64, usernameValidator: (u) => ZUsernameSchema.safeParse(u).success })],
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
