import "server-only";
import http from "node:http";
import { dialCluster } from "../tunnel/tunnel-registry";

/** GET /readyz through the cluster's tunnel; resolves with an error text, or null when ready. */
export async function probeClusterReadiness(clusterId: string, timeoutMs = 5_000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const stream = await dialCluster(clusterId);
    return await new Promise<string | null>((resolve) => {
      // No `agent`: with only createConnection, Node uses our stream instead of dialling.
      const req = http.request({ method: "GET", path: "/readyz", host: "cluster.tunnel", createConnection: () => stream }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body = (body + chunk).slice(0, 300)));
        res.on("end", () => resolve(res.statusCode === 200 ? null : `readyz answered ${res.statusCode}: ${body.trim().split("\n").pop() ?? ""}`.trim()));
      });
      timer = setTimeout(() => {
        req.destroy();
        resolve(`readyz did not answer within ${timeoutMs / 1000} s`);
      }, timeoutMs);
      req.on("error", (error) => resolve(`readyz failed: ${error.message}`));
      req.end();
    });
  } catch (error) {
    return `readyz failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
