import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { seedSyntheticFleet } from "@/lib/server/fleet/seed-synthetic-fleet";
import type { TFleetAlert, TFleetClustersPage, TTrendPoint, TWebhookSettings } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

const N = 240;
let viewer: string;
let operator: string;
let admin: string;

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

describe("fleet API", () => {
  beforeAll(async () => {
    await seedSyntheticFleet(N, { historyHours: 24 });
    await Promise.all([seedUser("fv", "viewer"), seedUser("fo", "operator"), seedUser("fa", "admin")]);
    [viewer, operator, admin] = [await login("fv"), await login("fo"), await login("fa")];
  });

  it("GET /fleet/summary totals the fleet for any signed-in role", async () => {
    const s = await json<TFleetSummary>(await callRoute("GET", "/api/v1/fleet/summary", { cookie: viewer }));
    expect(s.clusters.total).toBe(N);
    expect(s.clusters.pending + s.clusters.active + s.clusters.unavailable).toBe(N);
    expect(s.nodes.ready).toBeLessThan(s.nodes.total);
    expect(s.alerts.open).toBe(s.clusters.unavailable);
    expect((await callRoute("GET", "/api/v1/fleet/summary")).status).toBe(401);
  });

  it("GET /fleet/clusters pages, filters, sorts and groups in the database", async () => {
    const first = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?limit=50", { cookie: viewer }));
    expect(first.total).toBe(N);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]!.name).toBe("syn-00001");
    const second = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?limit=50&offset=50", { cookie: viewer }));
    expect(second.items[0]!.name).toBe("syn-00051");

    const failing = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?sort=failingPods&dir=desc&limit=5", { cookie: viewer }));
    expect(failing.items[0]!.snapshot!.podsFailing).toBe(2);

    const unavailable = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?state=unavailable&limit=500", { cookie: viewer }));
    expect(unavailable.items.every((c) => c.state === "unavailable" && c.snapshot?.fresh === false && c.alertsOpen === 1)).toBe(true);

    const search = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?q=syn-0012", { cookie: viewer }));
    expect(search.items.map((c) => c.name)).toEqual(Array.from({ length: 10 }, (_, i) => `syn-0012${i}`));

    const labelled = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?label=env%3Dprod,tier%3Dedge&limit=500", { cookie: viewer }));
    expect(labelled.total).toBeGreaterThan(0);
    expect(labelled.items.every((c) => c.labels.env === "prod" && c.labels.tier === "edge")).toBe(true);

    const grouped = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?group=region&sort=state&limit=500", { cookie: viewer }));
    expect(grouped.groups).toHaveLength(8);
    expect(grouped.groups!.reduce((n, g) => n + g.count, 0)).toBe(N);
    expect(grouped.items.map((c) => c.region)).toEqual([...grouped.items.map((c) => c.region)].sort());

    const byLabel = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?group=label:env&limit=1", { cookie: viewer }));
    expect(byLabel.groups!.map((g) => g.key)).toEqual(["lab", "prod", "staging"]);

    const problems = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?problems=1&limit=500", { cookie: viewer }));
    expect(problems.total).toBeLessThan(N);
    expect(problems.items.every((c) => c.state !== "active" || (c.snapshot && (c.snapshot.podsFailing > 0 || c.snapshot.nodesReady < c.snapshot.nodesTotal || c.snapshot.deploymentsUnavailable > 0)) || c.alertsOpen > 0)).toBe(true);

    const versions = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?sort=version&dir=desc&limit=1", { cookie: viewer }));
    expect(versions.items[0]!.kubernetesVersion).toBe("v1.33.1+k3s1");
    const oldest = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?sort=version&limit=1", { cookie: viewer }));
    expect(oldest.items[0]!.kubernetesVersion).toBe("v1.30.9+k3s1");

    for (const bad of ["limit=0", "sort=drop", "group=label:", "label=%3D", "state=gone", "extra=1"]) {
      expect((await callRoute("GET", `/api/v1/fleet/clusters?${bad}`, { cookie: viewer })).status, bad).toBe(422);
    }
  });

  it("trends come from history in at most 96 buckets", async () => {
    const t = await json<{ points: TTrendPoint[] }>(await callRoute("GET", "/api/v1/fleet/clusters/syn-00009/trends?hours=24", { cookie: viewer }));
    expect(t.points.length).toBeGreaterThan(90);
    expect(t.points.length).toBeLessThanOrEqual(97);
    expect(t.points.every((p) => p.podsFailing >= 2)).toBe(true);
    expect((await callRoute("GET", "/api/v1/fleet/clusters/nope/trends", { cookie: viewer })).status).toBe(404);
  });

  it("alerts: listed for viewers, acknowledged by operators (audited), never by viewers", async () => {
    const list = await json<{ items: TFleetAlert[]; total: number }>(await callRoute("GET", "/api/v1/fleet/alerts", { cookie: viewer }));
    expect(list.total).toBeGreaterThan(0);
    const alert = list.items[0]!;
    expect(alert).toMatchObject({ rule: "cluster-unavailable", severity: "critical", ackedAt: null });
    expect(alert.clusterName).toMatch(/^syn-/);

    expect((await callRoute("POST", `/api/v1/fleet/alerts/${alert.id}/ack`, { cookie: viewer })).status).toBe(403);
    const acked = await json<TFleetAlert>(await callRoute("POST", `/api/v1/fleet/alerts/${alert.id}/ack`, { cookie: operator }));
    expect(acked).toMatchObject({ ackedByName: "fo" });
    expect(acked.ackedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { action: "fleet.alert.ack", targetId: alert.id } });
    expect(audit?.actorName).toBe("fo");
    const summary = await json<TFleetSummary>(await callRoute("GET", "/api/v1/fleet/summary", { cookie: viewer }));
    expect(summary.alerts.unacked).toBe(summary.alerts.open - 1);

    const unacked = await json<TFleetAlert>(await callRoute("DELETE", `/api/v1/fleet/alerts/${alert.id}/ack`, { cookie: admin }));
    expect(unacked.ackedAt).toBeNull();
    expect((await callRoute("POST", "/api/v1/fleet/alerts/missing/ack", { cookie: operator })).status).toBe(404);
    await prisma.fleetAlert.update({ where: { id: alert.id }, data: { resolvedAt: new Date() } });
    expect((await callRoute("POST", `/api/v1/fleet/alerts/${alert.id}/ack`, { cookie: operator })).status).toBe(409);
    const resolved = await json<{ items: TFleetAlert[] }>(await callRoute("GET", "/api/v1/fleet/alerts?status=resolved", { cookie: viewer }));
    expect(resolved.items.map((a) => a.id)).toEqual([alert.id]);
  });

  it("webhook settings are admin-only and never return the secret", async () => {
    for (const cookie of [viewer, operator]) {
      expect((await callRoute("GET", "/api/v1/fleet/webhook", { cookie })).status).toBe(403);
      expect((await callRoute("PUT", "/api/v1/fleet/webhook", { cookie, body: { enabled: false, url: null } })).status).toBe(403);
    }
    expect((await json<TWebhookSettings>(await callRoute("GET", "/api/v1/fleet/webhook", { cookie: admin }))).enabled).toBe(false);
    const saved = await json<TWebhookSettings>(
      await callRoute("PUT", "/api/v1/fleet/webhook", { cookie: admin, body: { enabled: true, url: "https://hooks.example.com/outpost", secret: "a-very-secret-signing-key" } }),
    );
    expect(saved).toMatchObject({ enabled: true, url: "https://hooks.example.com/outpost", hasSecret: true, updatedByName: "fa" });
    expect(JSON.stringify(saved)).not.toContain("a-very-secret");
    const kept = await json<TWebhookSettings>(await callRoute("PUT", "/api/v1/fleet/webhook", { cookie: admin, body: { enabled: false, url: "https://hooks.example.com/outpost" } }));
    expect(kept.hasSecret).toBe(true);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "fleet.webhook.update" }, orderBy: { at: "desc" } });
    expect(JSON.stringify(audit?.details)).not.toContain("a-very-secret");
    expect((await callRoute("PUT", "/api/v1/fleet/webhook", { cookie: admin, body: { enabled: true, url: null } })).status).toBe(422);
  });
});
