import "server-only";
import type { IncomingMessage } from "node:http";
import type { Cluster } from "@/lib/generated/prisma/client";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { can } from "@/lib/shared/permissions";
import { POD_SHELL_PATH, SHELL_PROTOCOLS, ZPodShellQuerySchema, type TPodShellQuery, type TShellProtocol } from "@/lib/shared/pod-shell/pod-shell.schema";
import { auditActorOf, type Principal } from "../auth/principal";
import { authenticateRequest } from "../auth/authenticate-request";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clusterRoleOf } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "../http/request-meta";
import { log } from "../log/logger";

export interface ShellRequest {
  principal: Principal;
  cluster: Pick<Cluster, "id" | "name">;
  namespace: string;
  pod: string;
  query: TPodShellQuery;
  /** The subprotocol the client speaks (its first offer that the console serves). */
  protocol: TShellProtocol;
  ip: string | undefined;
  requestId: string | undefined;
}

export type ShellAdmission = { ok: true; request: ShellRequest } | { ok: false; status: number; code: string; message: string };

const deny = (status: number, code: string, message: string): ShellAdmission => ({ ok: false, status, code, message });

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

/** Browsers always send Origin on a WebSocket handshake: a cookie-borne one must be ours (no cross-site WebSocket hijacking). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function pickProtocol(req: IncomingMessage): TShellProtocol | undefined {
  const offered = String(req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
  return offered.find((p): p is TShellProtocol => (SHELL_PROTOCOLS as readonly string[]).includes(p));
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Decides whether a shell handshake may proceed, before the upgrade (so refusals are plain
 * HTTP answers): a valid path and query, a signed-in user (session cookie from our own
 * origin, or a personal API token), the `clusters:act` permission (viewers never — audited
 * as `access.denied`), an existing cluster, and a channel subprotocol. The cluster's RBAC
 * judges the impersonated user afterwards.
 */
export async function admitPodShell(req: IncomingMessage): Promise<ShellAdmission> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "https://console.invalid");
  } catch {
    return deny(400, "bad_request", "The request URL is not valid");
  }
  const match = POD_SHELL_PATH.exec(url.pathname);
  if (!match) return deny(404, "not_found", "No such endpoint");
  const params = ZNamespacedObjectParamsSchema.safeParse({ id: decode(match[1]!), namespace: decode(match[2]!), name: decode(match[3]!) });
  if (!params.success) return deny(422, "validation_failed", `Invalid path: ${params.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const commands = url.searchParams.getAll("command");
  const query = ZPodShellQuerySchema.safeParse({ container: url.searchParams.get("container") ?? undefined, command: commands.length > 0 ? commands : undefined });
  if (!query.success) return deny(422, "validation_failed", `Invalid query: ${query.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);

  const principal = await authenticateRequest(headersOf(req));
  if (!principal) return deny(401, "unauthenticated", "Sign in or send a valid API token");
  if (principal.via === "session" && !sameOrigin(req)) return deny(403, "forbidden", "Cross-origin request refused");
  if (principal.mustChangePassword) return deny(403, "password_change_required", "Change your password before continuing");
  const ip = req.headers[CLIENT_IP_HEADER] as string | undefined;
  const requestId = req.headers[REQUEST_ID_HEADER] as string | undefined;
  // The role on this cluster decides (scoped bindings, token narrowing), as for every cluster route.
  const role = await clusterRoleOf(principal, params.data.id);
  if (!can(role, "clusters:act") || principal.access.readOnly) {
    await recordAuditEvent({
      actor: auditActorOf(principal),
      action: "access.denied",
      outcome: "denied",
      ip,
      requestId,
      details: { method: "GET", path: url.pathname, permission: "clusters:act", role },
    }).catch((error: unknown) => log.error(`audit of a refused shell failed: ${error instanceof Error ? error.message : String(error)}`));
    return deny(403, "forbidden", role === null ? `Cluster "${params.data.id}" is outside your access` : "Your role does not allow this");
  }
  const cluster = await prisma.cluster.findUnique({ where: { id: params.data.id }, select: { id: true, name: true } });
  if (!cluster) return deny(404, "not_found", `Cluster "${params.data.id}" not found`);
  const protocol = pickProtocol(req);
  if (!protocol) return deny(400, "bad_request", `Offer a WebSocket subprotocol: ${SHELL_PROTOCOLS.join(" or ")}`);
  return { ok: true, request: { principal: { ...principal, role }, cluster, namespace: params.data.namespace, pod: params.data.name, query: query.data, protocol, ip, requestId } };
}
