import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db/prisma";
import { ackFleetAlert } from "@/lib/server/fleet/ack-fleet-alert";
import { deliverWebhook } from "@/lib/server/fleet/deliver-webhook";
import { reconcileFleetAlerts } from "@/lib/server/fleet/reconcile-fleet-alerts";
import { updateWebhookSettings } from "@/lib/server/fleet/update-webhook-settings";
import { WebhookNotifier } from "@/lib/server/fleet/webhook-notifier";
import { readWebhookRow } from "@/lib/server/fleet/webhook-settings";
import type { TWebhookPayload } from "@/lib/shared/fleet/fleet-api.schema";

const SECRET = "webhook-signing-secret-123";

describe("fleet alerts and the outbound webhook", () => {
  let server: http.Server;
  let url: string;
  const received: Array<{ body: string; signature: string | undefined; event: string | undefined }> = [];
  let answers: number[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        received.push({ body, signature: req.headers["x-outpost-signature"] as string | undefined, event: req.headers["x-outpost-event"] as string | undefined });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await updateWebhookSettings({ enabled: true, url, secret: SECRET }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("fires Unavailable after a minute, retries the webhook with backoff, signs it, resolves and re-opens", async () => {
    const now = new Date();
    await prisma.cluster.create({ data: { id: "al-1", name: "edge-berlin", displayName: "Berlin", state: "unavailable", stateSince: new Date(now.getTime() - 30_000) } });
    expect((await reconcileFleetAlerts(now)).fired).toEqual([]);

    await prisma.cluster.update({ where: { id: "al-1" }, data: { stateSince: new Date(now.getTime() - 120_000) } });
    const changes = await reconcileFleetAlerts(now);
    expect(changes.fired).toMatchObject([{ clusterId: "al-1", rule: "cluster-unavailable", severity: "critical", clusterName: "edge-berlin", since: new Date(now.getTime() - 120_000).toISOString() }]);
    expect((await reconcileFleetAlerts(new Date(now.getTime() + 1000))).fired).toEqual([]); // still open, not fired twice

    answers = [503, 503, 200];
    received.length = 0;
    const notifier = new WebhookNotifier({ baseDelayMs: 20, maxDelayMs: 100 });
    notifier.notify("alert.fired", changes.fired);
    await notifier.idle();
    expect(received).toHaveLength(3);
    const last = received[2]!;
    expect(last.event).toBe("alert.fired");
    expect(last.signature).toBe(`sha256=${createHmac("sha256", SECRET).update(last.body).digest("hex")}`);
    const payload = JSON.parse(last.body) as TWebhookPayload;
    expect(payload).toMatchObject({ event: "alert.fired", alert: { rule: "cluster-unavailable", clusterId: "al-1" } });
    expect((await readWebhookRow())?.lastDeliveryStatus).toBe("ok 200");

    const alertId = changes.fired[0]!.id;
    await ackFleetAlert(alertId, true, { id: null, name: "noc" });
    await prisma.cluster.update({ where: { id: "al-1" }, data: { state: "active", stateSince: now } });
    const healed = await reconcileFleetAlerts(new Date(now.getTime() + 2000));
    expect(healed.resolved.map((a) => a.id)).toEqual([alertId]);

    await prisma.cluster.update({ where: { id: "al-1" }, data: { state: "unavailable", stateSince: new Date(now.getTime() - 300_000) } });
    const again = await reconcileFleetAlerts(new Date(now.getTime() + 3000));
    expect(again.fired.map((a) => a.id)).toEqual([alertId]); // same row, re-opened …
    expect(again.fired[0]!.ackedAt).toBeNull(); // … and nobody owns it yet
    await notifier.stop();
  });

  it("does not retry a receiver that refuses the payload (4xx); retries one that is down", async () => {
    answers = [400];
    received.length = 0;
    const result = await deliverWebhook({ url, secret: null }, { event: "test", sentAt: new Date().toISOString(), alert: null, console: "" }, { baseDelayMs: 10 });
    expect(result).toMatchObject({ ok: false, status: 400, attempts: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]!.signature).toBeUndefined();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await deliverWebhook({ url: `http://127.0.0.1:${closedPort}/nothing`, secret: null }, { event: "test", sentAt: "", alert: null, console: "" }, { attempts: 3, baseDelayMs: 10 });
    expect(down).toMatchObject({ ok: false, status: null, attempts: 3 });
    expect(down.error).toMatch(/ECONNREFUSED/);
  });

  it("raises version-behind and per-node alerts from snapshots, not for offline clusters' stale numbers", async () => {
    const now = new Date();
    const snap = (clusterId: string, version: string, notReady: string[]) =>
      prisma.fleetSnapshot.create({
        data: {
          clusterId, collectedAt: now, changedAt: now, nodesReady: 3 - notReady.length, nodesTotal: 3, podsTotal: 10, podsRunning: 10, podsPending: 0, podsSucceeded: 0,
          podsFailed: 0, podsUnknown: 0, podsFailing: 0, podsCrashLooping: 0, deploymentsTotal: 2, deploymentsUnavailable: 0, warningEvents: 0, kubernetesVersion: version,
          details: { notReadyNodes: notReady.map((name) => ({ name, since: null })), crashLoopingPods: [], edgexServicesDown: [] },
        },
      });
    await prisma.cluster.create({ data: { id: "al-new", name: "edge-new", displayName: "new", state: "active", kubernetesVersion: "v1.33.1+k3s1" } });
    await prisma.cluster.create({ data: { id: "al-old", name: "edge-old", displayName: "old", state: "active", kubernetesVersion: "v1.30.2+k3s1" } });
    await snap("al-new", "v1.33.1+k3s1", ["agent-2"]);
    await snap("al-old", "v1.30.2+k3s1", []);
    const changes = await reconcileFleetAlerts(now);
    const keys = changes.fired.map((a) => `${a.clusterId} ${a.rule} ${a.subject}`.trim()).sort();
    expect(keys).toEqual(["al-new node-not-ready agent-2", "al-old k3s-version-behind"]);
    await prisma.cluster.update({ where: { id: "al-new" }, data: { state: "unavailable", stateSince: now } });
    const offline = await reconcileFleetAlerts(new Date(now.getTime() + 1000));
    expect(offline.resolved.map((a) => a.rule)).toEqual(["node-not-ready"]);
  });
});
