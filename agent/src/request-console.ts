import http from "node:http";
import https from "node:https";

/** TLS trust for the console: the pinned CA, or undefined for the system roots. */
export interface ConsoleTrust {
  ca: string | undefined;
}

/** A buffered console response. */
export interface ConsoleResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Largest console response the agent reads (the CA bundle and small JSON documents). */
const MAX_BODY = 1024 * 1024;

/**
 * Sends one small HTTP request to the console. `insecure` skips certificate verification and
 * is used only to fetch /cacerts, whose content is then verified by its checksum.
 */
export function requestConsole(
  url: string,
  options: { method?: string; json?: unknown; trust: ConsoleTrust; insecure?: boolean; timeoutMs?: number },
): Promise<ConsoleResponse> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const target = new URL(url);
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: options.method ?? "GET",
        headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {},
        timeout: options.timeoutMs ?? 15_000,
        ...(target.protocol === "https:"
          ? { rejectUnauthorized: !options.insecure, ...(options.trust.ca && !options.insecure ? { ca: options.trust.ca } : {}) }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) req.destroy(new Error("console response too large"));
          else chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`console request timed out: ${target.pathname}`)));
    req.on("error", reject);
    req.end(body);
  });
}
