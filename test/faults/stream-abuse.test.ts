// Streams cannot be exhausted by one user, and access ends when withdrawn: one viewer opens
// 300 watches through the kubectl passthrough (64 admitted, the rest 429), three users fill
// the cluster's quota, and still an admin's request and the console's readiness probe get
// through; then the viewer is disabled / a token revoked / a session signed out and every
// long-lived stream of theirs ends within 5 s.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeClusterReadiness } from "@/lib/server/clusters/probe-cluster-readiness";
import { registerKubePassthrough } from "@/lib/server/k8s/passthrough/register-kube-passthrough";
import { findRawHandler } from "@/lib/server/runtime/raw-handlers";
import { startWithdrawalSweep } from "@/lib/server/streams/end-withdrawn-streams";
import { openLongLivedStreams, STREAMS_PER_CLUSTER, STREAMS_PER_USER } from "@/lib/server/streams/long-lived-streams";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";
import { startRogueAgent, type RogueAgent } from "./rogue-agent";

interface Open {
  status: number;
  ended: Promise<number>;
  req: http.ClientRequest;
}

describe("long-lived streams", () => {
  let rogue: RogueAgent;
  let server: http.Server;
  let base: string;
  const tokens: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const open: http.ClientRequest[] = [];
  let vioAdmitted: Open[] = [];
  let othersAdmitted: Open[] = [];

  /** A watch through the passthrough; resolves once its head arrived (or it was refused). */
  function watch(user: string): Promise<Open> {
    return new Promise((resolve, reject) => {
      const req = http.get(`${base}/api/v1/pods?watch=true`, { headers: { authorization: `Bearer ${tokens[user]}` }, agent: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, ended: new Promise((done) => res.once("close", () => done(Date.now()))), req });
      });
      req.on("error", reject);
      open.push(req);
    });
  }

  beforeAll(async () => {
    // The cluster answers watches with a head and then silence (they stay open), and
    // everything else at once.
    rogue = await startRogueAgent("streams", ({ path }, stream) => {
      if (/watch=true/.test(path)) stream.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      else stream.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"kind":"List"}');
    });
    registerKubePassthrough();
    server = http.createServer((req, res) => {
      req.headers["x-outpost-client-ip"] = "127.0.0.1";
      const raw = findRawHandler(new URL(req.url ?? "/", "http://x").pathname);
      if (raw) raw(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/k8s/clusters/${rogue.clusterId}`;
    for (const [name, role] of [["adm", "admin"], ["vio", "viewer"], ["vic", "viewer"], ["val", "viewer"], ["tom", "viewer"], ["sam", "viewer"]] as const) {
      ids[name] = (await seedUser(name, role)).id;
      cookies[name] = await login(name);
      tokens[name] = await apiToken(cookies[name]);
    }
  });
  afterAll(async () => {
    for (const req of open) req.destroy();
    server?.closeAllConnections();
    server?.close();
    await rogue?.stop();
  });

  it("one viewer opening 300 watches gets 64, then 429; admins and the readiness probe still get through", { timeout: 120_000 }, async () => {
    const results = await Promise.all(Array.from({ length: 300 }, () => watch("vio")));
    vioAdmitted = results.filter((r) => r.status === 200);
    const admitted = vioAdmitted.length;
    const refused = results.filter((r) => r.status === 429).length;
    expect(admitted).toBe(STREAMS_PER_USER);
    expect(refused).toBe(300 - STREAMS_PER_USER);
    // Two more viewers fill the cluster's quota; a third is refused for the cluster's sake.
    const more = await Promise.all([...Array.from({ length: 64 }, () => watch("vic")), ...Array.from({ length: 10 }, () => watch("val"))]);
    othersAdmitted = more.filter((r) => r.status === 200);
    expect(othersAdmitted).toHaveLength(STREAMS_PER_CLUSTER - STREAMS_PER_USER);
    const admin = await new Promise<number>((resolve, reject) =>
      http.get(`${base}/api/v1/namespaces`, { headers: { authorization: `Bearer ${tokens.adm}` }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject),
    );
    expect(admin).toBe(200);
    expect(await probeClusterReadiness(rogue.clusterId)).toBeNull();
    expect(getTunnel(rogue.clusterId)?.stats().openStreams).toBeGreaterThanOrEqual(STREAMS_PER_CLUSTER);
    console.info(`[figure] stream exhaustion: 300 watches by one viewer → ${admitted} admitted, ${refused} refused (429); cluster quota ${STREAMS_PER_CLUSTER} reached, admin request and readiness probe still served`);
  });

  it("disabling the viewer, revoking a token and signing out end their streams within 5 s", { timeout: 60_000 }, async () => {
    // The other viewers leave: their watches end and give the cluster's quota back.
    for (const w of othersAdmitted) w.req.destroy();
    await expect.poll(() => openLongLivedStreams().length).toBe(STREAMS_PER_USER);
    const stopSweep = startWithdrawalSweep(500);
    try {
      // tom: token revoked; sam: session signed out while a live SSE page is open.
      const tomWatch = await watch("tom");
      expect(tomWatch.status).toBe(200);
      const sse = await callRoute("GET", "/api/v1/fleet/stream", { cookie: cookies.sam });
      expect(sse.status).toBe(200);
      const reader = sse.body!.getReader();
      const sseEnded = (async () => {
        while (!(await reader.read()).done);
        return Date.now();
      })();
      expect(vioAdmitted).toHaveLength(STREAMS_PER_USER);
      const t0 = Date.now();
      const patch = await callRoute("PATCH", `/api/v1/users/${ids.vio}`, { token: tokens.adm, body: { disabled: true } });
      expect(patch.status).toBe(200);
      const tokenList = (await (await callRoute("GET", "/api/v1/tokens", { token: tokens.tom })).json()) as { items: Array<{ id: string }> };
      expect((await callRoute("DELETE", `/api/v1/tokens/${tokenList.items[0]!.id}`, { token: tokens.tom })).status).toBe(200);
      expect((await callRoute("DELETE", "/api/v1/session", { cookie: cookies.sam, headers: { origin: "https://localhost:8443" } })).status).toBe(200);
      // Every one of the 64 watches the disabled viewer holds ends, and the others' streams.
      const ends = await Promise.all([tomWatch.ended, sseEnded, ...vioAdmitted.map((w) => w.ended)]);
      const worst = Math.max(...ends) - t0;
      expect(worst).toBeLessThan(5_000);
      console.info(`[figure] withdrawn access: disabled user, revoked token and signed-out session — all their streams ended within ${worst} ms`);
    } finally {
      stopSweep();
    }
  });
});
