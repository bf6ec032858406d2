import type { IncomingMessage } from "node:http";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import { ApiError } from "./status";

/** The caller and, when impersonating, the effective identity. */
export interface RequestIdentity {
  authenticated: UserInfo;
  effective: UserInfo;
  impersonated: boolean;
}

function headerList(req: IncomingMessage, name: string): string[] {
  const raw = req.headersDistinct?.[name.toLowerCase()] ?? [];
  return raw.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

/**
 * Bearer-token authentication (401 Status otherwise) plus Impersonate-User/-Group/-Uid.
 * Every authenticated identity may impersonate (the simulator does not enforce RBAC);
 * the audit trail records both identities.
 */
export function authenticate(cluster: ClusterState, req: IncomingMessage): RequestIdentity {
  const auth = req.headers.authorization ?? "";
  const m = auth.match(/^Bearer\s+(\S+)$/i);
  const user = m?.[1] ? cluster.tokens.get(m[1]) : undefined;
  if (!user) throw new ApiError(401, "Unauthorized", "Unauthorized");
  const impUser = req.headers["impersonate-user"];
  if (typeof impUser !== "string" || !impUser) {
    if (req.headers["impersonate-group"]) throw new ApiError(500, "requested [{Group  " + headerList(req, "impersonate-group").join(",") + "}] without impersonating a user", "InternalError");
    return { authenticated: user, effective: user, impersonated: false };
  }
  const groups = headerList(req, "impersonate-group");
  const uid = req.headers["impersonate-uid"];
  const effective: UserInfo = { username: impUser, groups: [...groups, "system:authenticated"], uid: typeof uid === "string" ? uid : undefined };
  return { authenticated: user, effective, impersonated: true };
}
