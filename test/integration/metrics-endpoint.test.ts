import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db/prisma";
import { serveMetrics } from "@/lib/server/metrics/serve-metrics";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";

const TOKEN = "scrape-token-0123456789abcdef";
let server: http.Server;
let base: string;

function get(headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}/metrics`, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c)).on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }));
    }).on("error", reject);
  });
}

function withToken(token: string | undefined): void {
  const ctx = getRuntimeContext();
  setRuntimeContext({ ...ctx, config: { ...ctx.config, metricsToken: token } });
}

beforeAll(async () => {
  server = http.createServer(serveMetrics);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("/metrics", () => {
  it("does not exist until a scrape token is configured", async () => {
    withToken(undefined);
    const res = await get({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(404);
    expect(res.body).toContain("OUTPOST_METRICS_TOKEN");
  });

  it("refuses a missing or wrong token with 401 and no figures", async () => {
    withToken(TOKEN);
    for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789" }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const res = await get(headers);
      expect(res.status).toBe(401);
      expect(res.body).not.toContain("outpost_");
    }
  });

  it("serves the console's figures in Prometheus text format", async () => {
    withToken(TOKEN);
    await prisma.$queryRaw`SELECT 1`;
    await recordAuditEvent({ actor: SYSTEM_ACTOR, action: "cluster.enroll", outcome: "failure" });
    const res = await get({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/plain");
    expect(res.body).toMatch(/^outpost_tunnels_connected 0$/m);
    expect(res.body).toMatch(/^outpost_audit_events_total\{action="cluster.enroll",outcome="failure"\} [1-9]/m);
    expect(res.body).toMatch(/^outpost_db_pool_connections\{state="total"\} [1-9]/m);
    expect(res.body).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(res.body).toContain("# TYPE outpost_http_request_duration_seconds histogram");
  });

  it("serves every series the Grafana dashboard queries", async () => {
    withToken(TOKEN);
    const dashboard = fs.readFileSync("deploy/grafana/outpost-dashboard.json", "utf8");
    const queried = new Set([...dashboard.matchAll(/\b((?:outpost|nodejs|process)_[a-z0-9_]+)/g)].map((m) => m[1]!.replace(/_bucket$/, "")));
    expect(queried.size).toBeGreaterThan(8);
    const res = await get({ authorization: `Bearer ${TOKEN}` });
    const served = new Set([...res.body.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]));
    expect([...queried].filter((name) => !served.has(name))).toEqual([]);
  });
});
