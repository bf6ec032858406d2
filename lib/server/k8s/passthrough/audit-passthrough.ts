import "server-only";
import type { IncomingMessage } from "node:http";
import type { Cluster } from "@/lib/generated/prisma/client";
import { auditActorOf, type Principal } from "../../auth/principal";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "../../http/request-meta";
import { log } from "../../log/logger";
import type { RequestAttributes } from "./request-attributes";

/**
 * Records a changing kubectl request — or any request the console's viewer gate refused
 * (outcome `denied`) — in the audit log: `k8s.<verb>` (`k8s.exec`,
 * `k8s.attach`, `k8s.portforward` for those subresources) with the resource path and the
 * answer's status — never a body (a Secret's data must not land in the audit log).
 * Fire-and-forget: the response is already on its way.
 */
export function auditPassthrough(req: IncomingMessage, principal: Principal, cluster: Pick<Cluster, "id" | "name">, attrs: RequestAttributes, status: number, refusedByConsole = false): void {
  const special = ["exec", "attach", "portforward"].includes(attrs.subresource) ? attrs.subresource : null;
  const path = new URL(req.url ?? "/", "https://console.invalid").pathname.replace(/^\/k8s\/clusters\/[^/]+/, "") || "/";
  const dryRun = new URL(req.url ?? "/", "https://console.invalid").searchParams.has("dryRun");
  recordAuditEvent({
    actor: auditActorOf(principal),
    action: `k8s.${special ?? attrs.verb}`,
    // 101 Switching Protocols is how an exec, attach or port-forward succeeds.
    outcome: refusedByConsole ? "denied" : status === 101 || (status >= 200 && status < 400) ? "success" : "failure",
    target: { type: "cluster", id: cluster.id, name: cluster.name },
    ip: req.headers[CLIENT_IP_HEADER] as string | undefined,
    requestId: req.headers[REQUEST_ID_HEADER] as string | undefined,
    details: {
      method: req.method,
      path,
      group: attrs.group,
      resource: attrs.resource,
      subresource: attrs.subresource || undefined,
      namespace: attrs.namespace || undefined,
      name: attrs.name || undefined,
      status,
      ...(dryRun ? { dryRun: true } : {}),
      ...(refusedByConsole ? { refusedBy: "console" } : {}),
      via: "kubectl",
    },
  }).catch((error: unknown) => log.error(`audit of a kubectl request failed: ${error instanceof Error ? error.message : String(error)}`));
}
