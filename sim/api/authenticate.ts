import type { IncomingMessage } from "node:http";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import type { RequestAttributes } from "../rbac/policy-rule";
import { authorizeRequest } from "./authorize-request";
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

function impersonate(resource: string, name: string, namespace = "", group = "", subresource = ""): RequestAttributes {
  return { resourceRequest: true, verb: "impersonate", group, resource, subresource, namespace, name };
}

/**
 * Bearer-token authentication (401 Status otherwise) plus Impersonate-User/-Group/-Uid/-Extra,
 * authorised like the apiserver's impersonation filter: the caller needs `impersonate` on
 * users (or serviceaccounts in their namespace), on each group, uid and extra value; the
 * impersonated identity then also carries system:authenticated. The audit trail records
 * both identities.
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
  const groupsGiven = req.headersDistinct?.["impersonate-group"] !== undefined;
  let groups = headerList(req, "impersonate-group");
  const sa = impUser.match(/^system:serviceaccount:([^:]+):([^:]+)$/);
  if (sa) {
    authorizeRequest(cluster, user, impersonate("serviceaccounts", sa[2] ?? "", sa[1] ?? ""));
    if (!groupsGiven) groups = ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`];
  } else authorizeRequest(cluster, user, impersonate("users", impUser));
  for (const g of groups) authorizeRequest(cluster, user, impersonate("groups", g));
  const uid = req.headers["impersonate-uid"];
  if (typeof uid === "string" && uid) authorizeRequest(cluster, user, impersonate("uids", uid, "", "authentication.k8s.io"));
  for (const [header, values] of Object.entries(req.headersDistinct ?? {})) {
    if (!header.startsWith("impersonate-extra-")) continue;
    const key = decodeURIComponent(header.slice("impersonate-extra-".length));
    for (const v of values ?? []) authorizeRequest(cluster, user, impersonate("userextras", v, "", "authentication.k8s.io", key));
  }
  if (impUser !== "system:anonymous" && !groups.includes("system:authenticated")) groups = [...groups, "system:authenticated"];
  const effective: UserInfo = { username: impUser, groups, uid: typeof uid === "string" && uid ? uid : undefined };
  return { authenticated: user, effective, impersonated: true };
}
