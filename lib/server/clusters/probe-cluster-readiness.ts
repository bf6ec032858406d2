import "server-only";
import http from "node:http";
import type { Duplex } from "node:stream";
import { dialCluster } from "../tunnel/tunnel-registry";

function getReadyz(stream: Duplex): Promise<string | null> {
  return new Promise((resolve) => {
    // No `agent`: with only createConnection, Node uses our stream instead of dialling.
    const req = http.request({ method: "GET", path: "/readyz", host: "cluster.tunnel", createConnection: () => stream }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body = (body + chunk).slice(0, 300)));
      res.on("end", () => resolve(res.statusCode === 200 ? null : `readyz answered ${res.statusCode}: ${body.trim().split("\n").pop() ?? ""}`.trim()));
    });
    req.on("error", (error) => resolve(`readyz failed: ${error.message}`));
    req.end();
  });
}

/**
 * GET /readyz through the cluster's tunnel; resolves with an error text, or null when
 * ready. One deadline covers opening the stream and the answer: a partitioned agent (its
 * tunnel silent, not yet declared dead) must not stall the check beyond `timeoutMs`.
 */
export async function probeClusterReadiness(clusterId: string, timeoutMs = 5_000): Promise<string | null> {
  let stream: Duplex | undefined;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve(`readyz did not answer within ${timeoutMs / 1000} s`);
    }, timeoutMs);
  });
  // Reserved capacity: however many streams users hold, the probe gets one.
  const probe = dialCluster(clusterId, { reserved: true }).then(
    (s) => {
      stream = s;
      if (timedOut) s.destroy();
      return getReadyz(s);
    },
    (error: Error) => `readyz failed: ${error.message}`,
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
    stream?.destroy();
  }
}
