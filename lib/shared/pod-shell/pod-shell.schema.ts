// The pod shell's WebSocket endpoint (/api/v1/clusters/{id}/pods/{namespace}/{name}/exec):
// query schema, the remotecommand channel numbers and the console's own close codes.
import { z } from "zod";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Path of the shell endpoint, as matched by the console's upgrade handler. */
export const POD_SHELL_PATH = /^\/api\/v1\/clusters\/([^/]+)\/pods\/([^/]+)\/([^/]+)\/exec$/;

/** The shell endpoint's URL path (the client adds `wss://host` and the query). */
export function podShellPath(clusterId: string, namespace: string, name: string): string {
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/exec`;
}

/**
 * `?container=&command=…` (command repeated, like the apiserver's exec): the container
 * (default: the pod's first, as `kubectl exec` picks it) and argv (default `sh`). A TTY
 * with stdin, stdout and stderr is always requested: this endpoint is for interactive shells.
 */
export const ZPodShellQuerySchema = z.object({
  container: z.string().max(63).regex(DNS1123_LABEL, "must be a container name").optional(),
  command: z.array(z.string().min(1, "must not be empty").max(1024, "must be at most 1024 characters")).max(32, "at most 32 arguments").default(["sh"]),
});
export type TPodShellQuery = z.infer<typeof ZPodShellQuerySchema>;

/** Subprotocols, in the console's preference: v5 adds the stdin half-close; v4 is the fallback. */
export const SHELL_PROTOCOLS = ["v5.channel.k8s.io", "v4.channel.k8s.io"] as const;
export type TShellProtocol = (typeof SHELL_PROTOCOLS)[number];

/** remotecommand channels: each binary message is one channel byte plus payload. */
export const SHELL_CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/**
 * WebSocket close codes the console uses when IT ends a session (the command's own end is
 * a Status on channel 3 followed by 1000). Reasons are short English words for scripts.
 */
export const SHELL_CLOSE = {
  /** No input for the idle timeout. */
  idle: 4000,
  /** The cluster's tunnel or apiserver connection dropped. */
  clusterLost: 4001,
  /** The user's access was withdrawn (disabled, role changed, session or token revoked). */
  withdrawn: 4002,
  /** The console is shutting down. */
  shutdown: 4003,
} as const;

/** What the client shows when a session ends. */
export type TShellEnd =
  | { kind: "exit"; code: number }
  | { kind: "error"; message: string; reason?: string }
  | { kind: "idle" }
  | { kind: "clusterLost" }
  | { kind: "withdrawn" }
  | { kind: "shutdown" }
  | { kind: "closed"; code: number };

/**
 * Reads the final Status of channel 3 like kubectl does: Success → exit 0; reason
 * NonZeroExitCode → the code in `details.causes[reason=ExitCode]`; anything else is an
 * error with the Status message (the exec was refused or failed before the command ran).
 */
export function shellEndFromStatus(text: string): TShellEnd {
  let status: { status?: unknown; reason?: unknown; message?: unknown; details?: { causes?: Array<{ reason?: unknown; message?: unknown }> } };
  try {
    status = JSON.parse(text) as typeof status;
  } catch {
    return { kind: "error", message: text.slice(0, 500) };
  }
  if (status?.status === "Success") return { kind: "exit", code: 0 };
  if (status?.reason === "NonZeroExitCode") {
    const cause = status.details?.causes?.find((c) => c.reason === "ExitCode");
    const code = Number(cause?.message);
    if (Number.isInteger(code)) return { kind: "exit", code };
  }
  return { kind: "error", message: typeof status?.message === "string" ? status.message : "the command failed", reason: typeof status?.reason === "string" ? status.reason : undefined };
}

/** The end a close code names when no Status came first. */
export function shellEndFromClose(code: number): TShellEnd {
  if (code === SHELL_CLOSE.idle) return { kind: "idle" };
  if (code === SHELL_CLOSE.clusterLost) return { kind: "clusterLost" };
  if (code === SHELL_CLOSE.withdrawn) return { kind: "withdrawn" };
  if (code === SHELL_CLOSE.shutdown) return { kind: "shutdown" };
  return { kind: "closed", code };
}
