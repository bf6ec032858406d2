import https from "node:https";
import type { KubeTarget } from "./load-kube-target";

/** A buffered apiserver response with its JSON body (null when not JSON). */
export interface KubeResponse {
  status: number;
  body: Record<string, unknown> | null;
  /** The body as text, at most `textLimit` bytes (1 KiB: enough for messages such as `/readyz`'s). */
  text: string;
}

/**
 * Sends one JSON request to the apiserver with the agent's own credentials (not through the
 * tunnel): cluster facts for hello/info and the agent's state Secret.
 */
export function requestKube(target: KubeTarget, method: string, path: string, json?: unknown, timeoutMs = 15_000, textLimit = 1024): Promise<KubeResponse> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const authorization = target.authorization();
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        protocol: "https:",
        hostname: target.url.hostname.replace(/^\[|\]$/g, ""),
        port: target.url.port || 443,
        method,
        path,
        timeout: timeoutMs,
        headers: {
          accept: "application/json",
          ...(authorization ? { authorization } : {}),
          ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
        },
        ...target.tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          let parsed: Record<string, unknown> | null = null;
          const raw = Buffer.concat(chunks).toString("utf8");
          try {
            const value: unknown = JSON.parse(raw);
            if (typeof value === "object" && value !== null) parsed = value as Record<string, unknown>;
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text: raw.slice(0, textLimit) });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`apiserver request timed out: ${method} ${path.split("?")[0]}`)));
    req.on("error", reject);
    req.end(body);
  });
}
