import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, statusOf } from "./status";
import type { Status } from "../store/kube-types";

/** Largest request body accepted (the apiserver's limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the request body; 413 RequestEntityTooLarge past MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      reject(new ApiError(413, "the request body is too large", "RequestEntityTooLarge"));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new ApiError(413, "the request body is too large", "RequestEntityTooLarge"));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => !failed && resolve(Buffer.concat(chunks)));
    req.on("error", (e) => !failed && reject(e));
  });
}

/** Parses a JSON body (400 BadRequest with the parser's message otherwise). */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new ApiError(400, "the request body is empty");
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch (e) {
    throw new ApiError(400, `error decoding request body: ${(e as Error).message.slice(0, 200)}`);
  }
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = "application/json"): void {
  sendJsonText(res, code, JSON.stringify(body), contentType);
}

/** Writes an answer already serialised as JSON. */
export function sendJsonText(res: ServerResponse, code: number, text: string, contentType = "application/json"): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(code, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-cache, private" });
  res.end(text);
}

/** Writes a Status answer (code taken from the Status). */
export function sendStatus(res: ServerResponse, s: Status, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  sendJson(res, s.code, s);
}

/** Answers an error thrown by a handler: ApiError as its Status, anything else as opaque 500. */
export function sendError(res: ServerResponse, err: unknown, clusterName: string): void {
  if (err instanceof ApiError) return sendStatus(res, err.toStatus());
  const id = Math.random().toString(36).slice(2, 10);
  console.error(`sim ${clusterName}: internal error ${id}:`, err);
  sendStatus(res, statusOf(500, `Internal error occurred: request ${id} failed`, "InternalError"));
}

/** What representation the client asked for in Accept. */
export function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? "";
  return /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** Whether Accept prefers aggregated discovery v2 (or v2beta1). */
export function wantsAggregatedDiscovery(req: IncomingMessage): "v2" | "v2beta1" | undefined {
  const accept = req.headers.accept ?? "";
  for (const part of accept.split(",")) {
    if (/as=APIGroupDiscoveryList/.test(part) && /g=apidiscovery\.k8s\.io/.test(part)) {
      if (/v=v2beta1/.test(part)) return "v2beta1";
      if (/v=v2(;|$|\s)/.test(part + ";")) return "v2";
    }
  }
  return undefined;
}
