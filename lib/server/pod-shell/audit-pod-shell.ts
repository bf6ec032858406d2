import "server-only";
import { auditActorOf } from "../auth/principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { log } from "../log/logger";
import type { ShellRequest } from "./admit-pod-shell";

/** How a session ended, as the audit log records it. */
export type TShellEndReason = "exit" | "error" | "client" | "idle" | "clusterLost" | "withdrawn" | "shutdown";

function base(req: ShellRequest, container: string | undefined) {
  return {
    actor: auditActorOf(req.principal),
    target: { type: "cluster", id: req.cluster.id, name: req.cluster.name },
    ip: req.ip,
    requestId: req.requestId,
    details: { namespace: req.namespace, pod: req.pod, container, command: req.query.command.join(" "), via: req.principal.via === "token" ? "api" : "browser" },
  };
}

function record(what: string, input: Parameters<typeof recordAuditEvent>[0]): Promise<void> {
  return recordAuditEvent(input).catch((error: unknown) => log.error(`audit of a shell ${what} failed: ${error instanceof Error ? error.message : String(error)}`));
}

/**
 * `k8s.shell.start`: who opened a shell in which container with which command — or, with
 * outcome failure, the cluster's refusal (status and reason). Never any keystroke.
 */
export function auditShellStart(req: ShellRequest, container: string | undefined, refusal?: { status: number; reason: string }): Promise<void> {
  const b = base(req, container);
  return record("start", { ...b, action: "k8s.shell.start", outcome: refusal ? "failure" : "success", details: { ...b.details, ...(refusal ?? {}) } });
}

/** `k8s.shell.end`: the same names plus duration, how it ended and the exit code when known. */
export function auditShellEnd(req: ShellRequest, container: string | undefined, end: { reason: TShellEndReason; durationMs: number; exitCode?: number }): Promise<void> {
  const b = base(req, container);
  return record("end", {
    ...b,
    action: "k8s.shell.end",
    details: { ...b.details, end: end.reason, durationMs: end.durationMs, ...(end.exitCode !== undefined ? { exitCode: end.exitCode } : {}) },
  });
}
