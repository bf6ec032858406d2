// Scoped access (issue 18): role bindings for users and IdP groups on a cluster group, and
// their effect on every path — lists and fleet counts, a cluster's routes, the impersonated
// group the cluster sees, the passthrough's admission, bundles' targets, narrowed tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { seedSyntheticFleet } from "@/lib/server/fleet/seed-synthetic-fleet";
import { getFleetStreamHub } from "@/lib/server/fleet/fleet-stream-hub";
import { admitPassthrough } from "@/lib/server/k8s/passthrough/admit-passthrough";
import type { TRoleBinding } from "@/lib/shared/access/role-bindings.schema";
import type { TFleetAlert, TFleetClustersPage, TFleetStreamEvents } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";
import { readSse } from "./sse-reader";

const ORIGIN = { origin: "https://localhost:8443" };
const BERLIN = ["ber", "syn-00001", "syn-00002", "syn-00003"];

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

describe("scoped access through role bindings", () => {
  let fx: ExplorerFixture;
  const cookies: Record<"bob" | "gina", string> = { bob: "", gina: "" };
  const tokens: Record<"bob" | "gina", string> = { bob: "", gina: "" };

  beforeAll(async () => {
    fx = await startExplorerFixture("ber");
    await seedSyntheticFleet(8);
    await prisma.$executeRaw`UPDATE clusters SET labels = labels || '{"site":"berlin"}'::jsonb WHERE id = ANY(${BERLIN}::text[])`;
    await prisma.clusterGroup.create({ data: { name: "berlin", clusterSelector: "site=berlin" } });
    // bob: no role of his own, operator on Berlin by a user binding (made through the API below).
    // gina: no role of her own, in the IdP group berlin-ops (viewer on Berlin by a group binding).
    await seedUser("bob", "none");
    await seedUser("gina", "none");
    await prisma.user.update({ where: { username: "gina" }, data: { idpGroups: ["berlin-ops", "staff"] } });
    const now = new Date();
    for (const clusterId of ["syn-00001", "syn-00005"]) {
      await prisma.fleetAlert.create({ data: { key: `${clusterId}|node-not-ready|n1`, clusterId, rule: "node-not-ready", subject: "n1", severity: "warning", since: now, firedAt: now, lastSeenAt: now } });
    }
  });
  afterAll(async () => {
    getFleetStreamHub().close();
    await fx?.stop();
  });

  it("admins manage bindings through /api/v1 (audited); others get 403; bad input is a 4xx", async () => {
    const forBob = await json<TRoleBinding>(await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "user", subject: "bob", role: "operator", clusterGroup: "berlin" } }), 201);
    expect(forBob).toMatchObject({ subjectKind: "user", subject: "bob", role: "operator", clusterGroup: { name: "berlin" } });
    await json(await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "group", subject: "berlin-ops", role: "viewer", clusterGroup: "berlin" } }), 201);
    expect((await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "user", subject: "bob", role: "operator", clusterGroup: "berlin" } })).status).toBe(409);
    expect((await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "user", subject: "nobody", role: "viewer" } })).status).toBe(422);
    expect((await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "group", subject: "x", role: "viewer", clusterGroup: "nope" } })).status).toBe(422);
    expect((await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.admin, body: { subjectKind: "group", subject: "x", role: "none" } })).status).toBe(422);
    expect((await callRoute("POST", "/api/v1/role-bindings", { token: fx.tokens.operator, body: { subjectKind: "group", subject: "x", role: "admin" } })).status).toBe(403);
    const list = await json<{ items: TRoleBinding[] }>(await callRoute("GET", "/api/v1/role-bindings", { token: fx.tokens.admin }));
    expect(list.items.map((b) => `${b.subjectKind}:${b.subject}:${b.role}`).sort()).toEqual(["group:berlin-ops:viewer", "user:bob:operator"]);
    expect(await prisma.auditEvent.count({ where: { action: "role-binding.create", actorName: "ada" } })).toBe(2);
    // A group that grants access cannot be deleted from under its bindings.
    const group = await prisma.clusterGroup.findUniqueOrThrow({ where: { name: "berlin" } });
    expect((await callRoute("DELETE", `/api/v1/cluster-groups/${group.id}`, { token: fx.tokens.admin })).status).toBe(409);

    for (const who of ["bob", "gina"] as const) {
      cookies[who] = await login(who);
      tokens[who] = await apiToken(cookies[who]);
    }
  });

  it("lists and fleet counts show only the clusters in scope", async () => {
    const clusters = await json<{ items: Array<{ id: string }>; total: number }>(await callRoute("GET", "/api/v1/clusters?limit=100", { cookie: cookies.bob }));
    expect(clusters.items.map((c) => c.id).sort()).toEqual([...BERLIN].sort());
    expect(clusters.total).toBe(4);
    const fleet = await json<TFleetClustersPage>(await callRoute("GET", "/api/v1/fleet/clusters?limit=100", { cookie: cookies.gina }));
    expect(fleet.total).toBe(4);
    const summary = await json<TFleetSummary>(await callRoute("GET", "/api/v1/fleet/summary", { token: tokens.gina }));
    expect(summary.clusters.total).toBe(4);
    const everything = await json<TFleetSummary>(await callRoute("GET", "/api/v1/fleet/summary", { token: fx.tokens.viewer }));
    expect(everything.clusters.total).toBe(9);
    const alerts = await json<{ items: TFleetAlert[] }>(await callRoute("GET", "/api/v1/fleet/alerts?status=all", { cookie: cookies.bob }));
    const allAlerts = await json<{ items: TFleetAlert[] }>(await callRoute("GET", "/api/v1/fleet/alerts?status=all", { cookie: fx.cookies.viewer }));
    expect(allAlerts.items.map((a) => a.clusterId)).toEqual(expect.arrayContaining(["syn-00001", "syn-00005"]));
    expect(alerts.items.map((a) => a.clusterId)).toContain("syn-00001");
    expect(alerts.items.every((a) => BERLIN.includes(a.clusterId))).toBe(true);
    const kubeconfig = await (await callRoute("GET", "/api/v1/kubeconfig", { token: tokens.bob })).text();
    expect(kubeconfig).toContain("/k8s/clusters/ber");
    expect(kubeconfig).not.toContain("/k8s/clusters/syn-00005");

    // The live dashboard: the first frame carries only Berlin's rows and Berlin's totals.
    const res = await callRoute("GET", "/api/v1/fleet/stream?rows=all", { cookie: cookies.gina });
    expect(res.status).toBe(200);
    const sse = readSse<TFleetStreamEvents["init"]>(res);
    const init = await sse.next(() => true, 10_000);
    await sse.cancel();
    expect(init.summary.clusters.total).toBe(4);
    expect(init.rows!.map((r) => r.id).sort()).toEqual([...BERLIN].sort());
  });

  it("acts on a cluster with the role held there: the cluster sees the scoped group; elsewhere 403, audited", async () => {
    const ok = await callRoute("POST", "/api/v1/clusters/ber/deployments/demo/api/restart", { cookie: cookies.bob, headers: ORIGIN });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const seen = fx.cluster.audit().filter((a) => a.impersonatedUser === "outpost:bob" && a.verb === "patch").at(-1);
    expect(seen?.impersonatedGroups).toEqual(["outpost:operator", "system:authenticated"]);

    const elsewhere = await callRoute("POST", "/api/v1/clusters/syn-00005/deployments/demo/api/restart", { cookie: cookies.bob, headers: ORIGIN });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toMatch(/outside your access/);
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", actorName: "bob", outcome: "denied" } })).toBe(1);
    expect((await callRoute("GET", "/api/v1/clusters/syn-00005", { cookie: cookies.bob })).status).toBe(403);

    // gina reads Berlin as viewer (impersonated as outpost:viewer) and may not act there.
    const pods = await callRoute("GET", "/api/v1/clusters/ber/pods?namespace=demo", { token: tokens.gina });
    expect(pods.status).toBe(200);
    expect(fx.cluster.audit().find((a) => a.impersonatedUser === "outpost:gina")?.impersonatedGroups).toEqual(["outpost:viewer", "system:authenticated"]);
    expect((await callRoute("POST", "/api/v1/clusters/ber/deployments/demo/api/restart", { token: tokens.gina })).status).toBe(403);
  });

  it("the kubectl passthrough admits with the role on that cluster", async () => {
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const out = await admitPassthrough("GET", "/k8s/clusters/syn-00005/api/v1/pods", bearer(tokens.bob), false);
    expect(out).toMatchObject({ ok: false, code: 403 });
    const write = await admitPassthrough("POST", "/k8s/clusters/ber/api/v1/namespaces/demo/configmaps", bearer(tokens.bob), false);
    expect(write.ok && write.principal.role).toBe("operator");
    const viewerWrite = await admitPassthrough("POST", "/k8s/clusters/ber/api/v1/namespaces/demo/configmaps", bearer(tokens.gina), false);
    expect(viewerWrite).toMatchObject({ ok: false, code: 403 });
    const viewerRead = await admitPassthrough("GET", "/k8s/clusters/ber/api/v1/namespaces/demo/pods", bearer(tokens.gina), false);
    expect(viewerRead.ok && viewerRead.principal.role).toBe("viewer");
  });

  it("a bundle may only target clusters where its author operates", async () => {
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: demo\ndata: {a: b}\n";
    const res = await callRoute("POST", "/api/v1/bundles", { token: tokens.bob, body: { name: "paris-cm", source: { yaml }, targets: { clusterIds: ["syn-00005", "syn-00001"] } } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("syn-00005");
    expect(await prisma.bundle.count()).toBe(0);
    // gina only reads Berlin.
    expect((await callRoute("POST", "/api/v1/bundles", { token: tokens.gina, body: { name: "g", source: { yaml }, targets: { group: "berlin" } } })).status).toBe(403);
  });

  it("API tokens carry their owner's scope, optionally narrowed to read-only or to a cluster group", async () => {
    const readOnly = await json<{ token: string; readOnly: boolean }>(await callRoute("POST", "/api/v1/tokens", { cookie: cookies.bob, headers: ORIGIN, body: { name: "ro", readOnly: true } }), 201);
    expect(readOnly.readOnly).toBe(true);
    expect((await callRoute("GET", "/api/v1/clusters/ber/pods?namespace=demo", { token: readOnly.token })).status).toBe(200);
    const refused = await callRoute("POST", "/api/v1/clusters/ber/deployments/demo/api/restart", { token: readOnly.token });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
    const ro = await admitPassthrough("POST", "/k8s/clusters/ber/api/v1/namespaces/demo/configmaps", { authorization: `Bearer ${readOnly.token}` }, false);
    expect(ro).toMatchObject({ ok: false, code: 403 });

    // An admin's token narrowed to Berlin: Berlin only, and no console administration.
    const narrowed = await json<{ token: string; clusterGroup: string }>(await callRoute("POST", "/api/v1/tokens", { cookie: fx.cookies.admin, headers: ORIGIN, body: { name: "berlin", clusterGroup: "berlin" } }), 201);
    expect(narrowed.clusterGroup).toBe("berlin");
    expect((await json<{ total: number }>(await callRoute("GET", "/api/v1/clusters", { token: narrowed.token }))).total).toBe(4);
    expect((await callRoute("GET", "/api/v1/clusters/syn-00005", { token: narrowed.token })).status).toBe(403);
    expect((await callRoute("GET", "/api/v1/users", { token: narrowed.token })).status).toBe(403);
    const adminRead = await callRoute("GET", "/api/v1/clusters/ber/pods?namespace=demo", { token: narrowed.token });
    expect(adminRead.status).toBe(200);
    expect((await callRoute("POST", "/api/v1/tokens", { cookie: cookies.bob, headers: ORIGIN, body: { name: "x", clusterGroup: "nope" } })).status).toBe(422);
  });

  it("bundles: a scoped user lists only bundles reaching their clusters, and sees only those clusters' rows", async () => {
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  namespace: demo\ndata: {a: b}\n";
    const made = await json<{ id: string }>(await callRoute("POST", "/api/v1/bundles", { token: fx.tokens.admin, body: { name: "mixed", source: { yaml }, targets: { clusterIds: ["syn-00001", "syn-00005"] } } }), 201);
    await json(await callRoute("POST", "/api/v1/bundles", { token: fx.tokens.admin, body: { name: "paris-only", source: { yaml }, targets: { clusterIds: ["syn-00005"] } } }), 201);
    const seen = await json<{ items: Array<{ name: string }> }>(await callRoute("GET", "/api/v1/bundles", { token: tokens.gina }));
    expect(seen.items.map((b) => b.name)).toEqual(["mixed"]);
    const detail = await json<{ clusters: Array<{ clusterId: string }> }>(await callRoute("GET", `/api/v1/bundles/${made.id}`, { token: tokens.gina }));
    expect(detail.clusters.map((c) => c.clusterId)).toEqual(["syn-00001"]);
    const full = await json<{ clusters: Array<{ clusterId: string }> }>(await callRoute("GET", `/api/v1/bundles/${made.id}`, { token: fx.tokens.viewer }));
    expect(full.clusters.map((c) => c.clusterId).sort()).toEqual(["syn-00001", "syn-00005"]);
    // bob operates Berlin only: the mixed bundle is not his to change.
    expect((await callRoute("POST", `/api/v1/bundles/${made.id}/pause`, { token: tokens.bob })).status).toBe(403);
  });

  it("removing the binding withdraws the access at the next request", async () => {
    const { items } = await json<{ items: TRoleBinding[] }>(await callRoute("GET", "/api/v1/role-bindings", { token: fx.tokens.admin }));
    const bob = items.find((b) => b.subject === "bob")!;
    expect((await callRoute("DELETE", `/api/v1/role-bindings/${bob.id}`, { token: fx.tokens.admin })).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { action: "role-binding.delete" } })).toBe(1);
    expect((await callRoute("GET", "/api/v1/clusters/ber", { token: tokens.bob })).status).toBe(403);
    // With no role anywhere, the fleet-wide lists are closed too; the own account stays open.
    expect((await callRoute("GET", "/api/v1/clusters", { token: tokens.bob })).status).toBe(403);
    expect((await callRoute("GET", "/api/v1/me", { token: tokens.bob })).status).toBe(200);
  });
});
