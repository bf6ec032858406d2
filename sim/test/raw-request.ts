import https from "node:https";
import type { SimCluster } from "../types";

export interface RawAnswer {
  status: number;
  text: string;
  json: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTPS request to a simulated cluster (admin token unless headers override it). */
export function raw(c: SimCluster, method: string, p: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "127.0.0.1", port: c.port, path: p, method, ca: c.caPem, headers: { Authorization: `Bearer ${c.token}`, "Content-Type": "application/json", ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
      });
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
    req.end(body);
  });
}
