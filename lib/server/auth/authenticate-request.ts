import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { hashApiToken, looksLikeApiToken } from "../api-tokens/api-token-format";
import { consoleRoleOf, resolvePrincipalAccess } from "../access/resolve-principal-access";
import { getAuth } from "./better-auth";
import type { Principal } from "./principal";

const LAST_USED_RESOLUTION_MS = 60_000;

async function principalOf(
  user: User,
  via: Principal["via"],
  ids: { sessionId?: string; tokenId?: string },
  narrowing?: { readOnly: boolean; narrowTo: string | null },
): Promise<Principal> {
  const username = user.username ?? user.email;
  const access = await resolvePrincipalAccess({ username, role: user.role, idpGroups: user.idpGroups }, narrowing);
  return {
    userId: user.id,
    username,
    displayName: user.name,
    role: consoleRoleOf(access),
    userRole: user.role,
    access,
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
    via,
    ...ids,
  };
}

async function authenticateToken(token: string): Promise<Principal | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || row.user.disabledAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  // API tokens act for automation: the forced password change applies to browser sessions.
  const principal = await principalOf(row.user, "token", { tokenId: row.id }, { readOnly: row.readOnly, narrowTo: row.clusterGroupId });
  return { ...principal, mustChangePassword: false };
}

/**
 * Resolves the caller of a request: `Authorization: Bearer <personal API token>` or the
 * session cookie. Disabled users, expired tokens and expired sessions resolve to null at
 * once (checked on every request, nothing cached).
 */
export async function authenticateRequest(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ? authenticateToken(match[1]) : null;
  }
  if (!headers.get("cookie")) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = await prisma.user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabledAt) return null;
  return principalOf(user, "session", { sessionId: session.session.id });
}
