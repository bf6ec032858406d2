import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import type { Cluster } from "@/lib/generated/prisma/client";
import { authenticateRequest } from "../../auth/authenticate-request";
import type { Principal } from "../../auth/principal";
import { clusterRoleOf } from "../../access/cluster-scope";
import { prisma } from "../../db/prisma";
import { impersonatedUser } from "../kube-identity";
import { decodeKubePath, requestAttributes, viewerMay, type RequestAttributes } from "./request-attributes";

/** Mount point of the kubectl passthrough (kubeconfig server URLs end with `/k8s/clusters/<id>`). */
export const PASSTHROUGH_PREFIX = "/k8s/clusters";

export type Admission =
  | { ok: true; principal: Principal; cluster: Cluster; attrs: RequestAttributes; upstreamPath: string }
  | { ok: false; code: number; reason: string; message: string; refused?: { principal: Principal; cluster: Cluster; attrs: RequestAttributes } };

const deny = (code: number, reason: string, message: string): Admission => ({ ok: false, code, reason, message });

function forbiddenMessage(principal: Principal, attrs: RequestAttributes): string {
  const who = `User "${impersonatedUser(principal.username)}"`;
  const what = attrs.resourceRequest
    ? `${attrs.verb} resource "${attrs.resource}${attrs.subresource ? `/${attrs.subresource}` : ""}" in API group "${attrs.group}"${attrs.namespace ? ` in the namespace "${attrs.namespace}"` : ""}`
    : `${attrs.verb} this path`;
  return `${who} cannot ${what}: the Outpost role "viewer" may only get, list and watch`;
}

/**
 * Decides whether a passthrough request may go to the cluster: a personal API token as
 * bearer (cookies are not accepted: kubectl-style clients only, no CSRF surface), an
 * existing cluster, and — for viewers — a read-only verb. The cluster's RBAC then judges
 * the impersonated user. Refusals carry what the Status body should say.
 */
export async function admitPassthrough(method: string, rawUrl: string, headers: IncomingHttpHeaders, upgrade: boolean): Promise<Admission> {
  let url: URL;
  try {
    url = new URL(rawUrl, "https://console.invalid");
  } catch {
    return deny(400, "BadRequest", "the request URL is not valid");
  }
  const match = /^\/k8s\/clusters\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match?.[1]) return deny(404, "NotFound", "the server could not find the requested resource");
  // Decoded like the apiserver decodes it (`%2F` is a slash), so the gate judges the
  // request the cluster will execute; the raw path is what is forwarded.
  const clusterId = decodeKubePath(match[1]);
  const kubePath = decodeKubePath(match[2] ?? "/");
  if (clusterId === null || kubePath === null) return deny(400, "BadRequest", "the request path contains a malformed percent-encoding");
  if (clusterId.includes("\0") || kubePath.includes("\0") || url.search.includes("%00")) return deny(400, "BadRequest", "the request URL contains a NUL character");
  const authorization = headers.authorization;
  if (!authorization || !/^Bearer\s+\S+$/i.test(authorization)) return deny(401, "Unauthorized", "Unauthorized: send a personal API token as bearer token");
  const principal = await authenticateRequest(new Headers({ authorization }));
  if (!principal || principal.via !== "token") return deny(401, "Unauthorized", "Unauthorized: the API token is invalid, expired or its user is disabled");
  // The token's owner acts with their role on THIS cluster (scoped bindings, token narrowing):
  // it is the group the cluster sees (`outpost:<role>`).
  const role = await clusterRoleOf(principal, clusterId);
  const cluster = await prisma.cluster.findUnique({ where: { id: clusterId } });
  const upstreamPath = (match[2] ?? "/") + url.search;
  if (role === null) {
    const message = `User "${impersonatedUser(principal.username)}" cannot reach cluster "${clusterId}": it is outside your Outpost access`;
    const refused = cluster ? { principal, cluster, attrs: requestAttributes(method, kubePath, url.searchParams) } : undefined;
    return { ok: false, code: 403, reason: "Forbidden", message, refused };
  }
  if (!cluster) return deny(404, "NotFound", `cluster "${clusterId}" not found in Outpost`);
  return admitOnCluster({ ...principal, role }, cluster, method, kubePath, upstreamPath, url.searchParams, upgrade);
}

function admitOnCluster(principal: Principal, cluster: Cluster, method: string, kubePath: string, upstreamPath: string, query: URLSearchParams, upgrade: boolean): Admission {
  const attrs = requestAttributes(method, kubePath, query);
  if (principal.role === "viewer" && !viewerMay(attrs, upgrade)) {
    return { ok: false, code: 403, reason: "Forbidden", message: forbiddenMessage(principal, attrs), refused: { principal, cluster, attrs } };
  }
  return { ok: true, principal, cluster, attrs, upstreamPath };
}
