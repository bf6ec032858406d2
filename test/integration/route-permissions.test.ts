import { prisma } from "@/lib/server/db/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverRoutes, routeMethods, callRoute, type Method, type RouteFile } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

/**
 * Every mutating route and what a viewer gets. A route missing from this table fails the
 * test: whoever adds a route decides here whether viewers may call it.
 * "self" = the viewer acts on their own session, password or tokens (allowed by design).
 */
const VIEWER_EXPECTATION: Record<string, "forbidden" | "self"> = {
  "POST /api/v1/session": "self",
  "DELETE /api/v1/session": "self",
  "PATCH /api/v1/me": "self",
  "POST /api/v1/me/password": "self",
  "POST /api/v1/tokens": "self",
  "DELETE /api/v1/tokens/[id]": "self",
  "POST /api/v1/users": "forbidden",
  "PATCH /api/v1/users/[id]": "forbidden",
  "POST /api/v1/users/[id]/password": "forbidden",
  "POST /api/v1/clusters": "forbidden",
  "PATCH /api/v1/clusters/[id]": "forbidden",
  "DELETE /api/v1/clusters/[id]": "forbidden",
  "POST /api/v1/clusters/[id]/registration-tokens": "forbidden",
  "DELETE /api/v1/clusters/[id]/registration-tokens": "forbidden",
  "POST /api/v1/fleet/alerts/[id]/ack": "forbidden",
  "DELETE /api/v1/fleet/alerts/[id]/ack": "forbidden",
  "PUT /api/v1/fleet/webhook": "forbidden",
  "POST /api/v1/fleet/webhook/test": "forbidden",
  // The URL agents dial (issue 12): admin only.
  "PUT /api/v1/settings/agent-url": "forbidden",
  "DELETE /api/v1/settings/agent-url": "forbidden",
  // Cluster explorer actions (issue 5): operator/admin only.
  "DELETE /api/v1/clusters/[id]/pods/[namespace]/[name]": "forbidden",
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/restart": "forbidden",
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/scale": "forbidden",
  "POST /api/v1/clusters/[id]/nodes/[name]/cordon": "forbidden",
  "POST /api/v1/clusters/[id]/nodes/[name]/uncordon": "forbidden",
  "POST /api/v1/clusters/[id]/secrets/[namespace]/[name]/reveal": "forbidden",
  // YAML apply (issue 14): operator/admin only, audited.
  "POST /api/v1/clusters/[id]/apply": "forbidden",
  // Node drain (issue 14): evictions through the Eviction subresource, operator/admin only.
  "POST /api/v1/clusters/[id]/pods/[namespace]/[name]/evict": "forbidden",
  // Deployment rollback (issue 14): operator/admin only, audited.
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/rollback": "forbidden",
  // StatefulSet/DaemonSet rollback and Deployment pause/resume (issue 14): operator/admin only, audited.
  "POST /api/v1/clusters/[id]/statefulsets/[namespace]/[name]/rollback": "forbidden",
  "POST /api/v1/clusters/[id]/daemonsets/[namespace]/[name]/rollback": "forbidden",
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/pause": "forbidden",
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/resume": "forbidden",
  // Set image and CronJob actions (issue 14): operator/admin only, audited.
  "POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/image": "forbidden",
  "POST /api/v1/clusters/[id]/statefulsets/[namespace]/[name]/image": "forbidden",
  "POST /api/v1/clusters/[id]/daemonsets/[namespace]/[name]/image": "forbidden",
  "POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/image": "forbidden",
  "POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/trigger": "forbidden",
  "POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/suspend": "forbidden",
  "POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/resume": "forbidden",
  // Delete any object with a propagation policy (issue 14): operator/admin only, audited.
  "DELETE /api/v1/clusters/[id]/resources/[group]/[version]/[resource]/[...object]": "forbidden",
  // EdgeX set commands (issue 6): operator/admin only, audited.
  "PUT /api/v1/clusters/[id]/edgex/devices/[device]/commands/[command]": "forbidden",
  // Bundles (issue 15): operators and admins change them, viewers read.
  "POST /api/v1/bundles": "forbidden",
  "POST /api/v1/bundles/[id]/revisions": "forbidden",
  "POST /api/v1/bundles/[id]/pause": "forbidden",
  "POST /api/v1/bundles/[id]/resume": "forbidden",
  "POST /api/v1/bundles/[id]/abort": "forbidden",
  "POST /api/v1/bundles/[id]/rollback": "forbidden",
  "POST /api/v1/bundles/[id]/sync": "forbidden",
  "PATCH /api/v1/bundles/[id]/git": "forbidden",
  "POST /api/v1/bundles/[id]/webhook-secret": "forbidden",
  // A Git host's delivery: no login, authenticated by the bundle's webhook secret (401 without it).
  "POST /api/v1/bundles/[id]/webhook": "self",
  "DELETE /api/v1/bundles/[id]": "forbidden",
  "POST /api/v1/cluster-groups": "forbidden",
  "PUT /api/v1/cluster-groups/[id]": "forbidden",
  "DELETE /api/v1/cluster-groups/[id]": "forbidden",
  // Fleet tokens and the self-registration queue (issue 20): operators and admins.
  "POST /api/v1/fleet-tokens": "forbidden",
  "DELETE /api/v1/fleet-tokens/[id]": "forbidden",
  "POST /api/v1/fleet-registrations/[id]/approve": "forbidden",
  "POST /api/v1/fleet-registrations/[id]/reject": "forbidden",
  // Role bindings (issue 18): admin only, audited.
  "POST /api/v1/role-bindings": "forbidden",
  "DELETE /api/v1/role-bindings/[id]": "forbidden",
  // k3s upgrades (issue 20): admins only.
  "POST /api/v1/k3s-upgrades": "forbidden",
};

const MUTATING: Method[] = ["POST", "PUT", "PATCH", "DELETE"];

async function mutatingRoutes(): Promise<Array<{ route: RouteFile; method: Method; key: string }>> {
  const all = discoverRoutes().filter((r) => r.pattern.startsWith("/api/v1/"));
  const out = [];
  for (const route of all) {
    for (const method of await routeMethods(route)) {
      if (MUTATING.includes(method)) out.push({ route, method, key: `${method} ${route.pattern}` });
    }
  }
  return out;
}

describe("viewer is read-only everywhere", () => {
  let viewerCookie: string;
  let viewerToken: string;
  beforeAll(async () => {
    await seedUser("vera", "viewer");
    viewerCookie = await login("vera");
    const res = await callRoute("POST", "/api/v1/tokens", { cookie: viewerCookie, body: { name: "t" } });
    viewerToken = ((await res.json()) as { token: string }).token;
  });

  it("has an expectation for every mutating /api/v1 route", async () => {
    const keys = (await mutatingRoutes()).map((r) => r.key).sort();
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((k) => !(k in VIEWER_EXPECTATION))).toEqual([]);
  });

  it("gets 403 from every mutating route outside their own account, by cookie and by token", async () => {
    const forbidden = (await mutatingRoutes()).filter((r) => VIEWER_EXPECTATION[r.key] === "forbidden");
    expect(forbidden.length).toBeGreaterThanOrEqual(3);
    for (const { route, method, key } of forbidden) {
      const url = route.pattern.replace(/\[[^\]]+\]/g, "some-id");
      for (const auth of [{ cookie: viewerCookie }, { token: viewerToken }]) {
        const res = await callRoute(method, url, { ...auth, body: {} });
        expect(res.status, `${key} via ${Object.keys(auth)[0]}`).toBe(403);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("forbidden");
      }
    }
    // Every refusal is in the audit log with outcome "denied": two per route (cookie, token).
    const denied = await prisma.auditEvent.findMany({ where: { action: "access.denied", actorName: "vera", outcome: "denied" } });
    expect(denied).toHaveLength(forbidden.length * 2);
    expect(denied[0]?.details).toMatchObject({ role: "viewer" });
  });

  it("gets 403 reading the admin-only lists", async () => {
    for (const url of ["/api/v1/users", "/api/v1/audit", "/api/v1/role-bindings"]) {
      expect((await callRoute("GET", url, { cookie: viewerCookie })).status, url).toBe(403);
    }
  });

  it("is refused (401) everywhere without credentials", async () => {
    for (const { route, method, key } of await mutatingRoutes()) {
      if (key.endsWith("/api/v1/session")) continue; // public by design
      const res = await callRoute(method, route.pattern.replace(/\[[^\]]+\]/g, "some-id"), { body: {} });
      expect(res.status, key).toBe(401);
    }
  });
});

/**
 * Scope cases (issue 18): a user with no global role, operator on one cluster group only.
 * Every route of a cluster outside the group — reads included, whatever the method — is
 * 403 by cookie and by token; the same user reaches a cluster inside it; the admin-only
 * lists stay closed to them.
 */
describe("a user scoped to one cluster group", () => {
  const CLUSTER_ROUTE = /^\/api\/v1\/(fleet\/)?clusters\/\[id\]/;
  let cookie: string;
  let token: string;
  beforeAll(async () => {
    await prisma.cluster.createMany({
      data: [
        { id: "scope-in", name: "scope-in", displayName: "In", labels: { site: "berlin" } },
        { id: "scope-out", name: "scope-out", displayName: "Out", labels: { site: "paris" } },
      ],
    });
    const group = await prisma.clusterGroup.create({ data: { name: "berlin", clusterSelector: "site=berlin" } });
    await seedUser("sally", "none");
    await prisma.roleBinding.create({ data: { subjectKind: "user", subject: "sally", role: "operator", clusterGroupId: group.id } });
    cookie = await login("sally");
    const res = await callRoute("POST", "/api/v1/tokens", { cookie, body: { name: "t" } });
    token = ((await res.json()) as { token: string }).token;
  });

  it("gets 403 from every route of a cluster outside the group, by cookie and by token", async () => {
    const routes = discoverRoutes().filter((r) => CLUSTER_ROUTE.test(r.pattern));
    expect(routes.length).toBeGreaterThan(40);
    let checked = 0;
    for (const route of routes) {
      const url = route.pattern.replace("[id]", "scope-out").replace(/\[[^\]]+\]/g, "x");
      for (const method of await routeMethods(route)) {
        for (const auth of [{ cookie }, { token }]) {
          const res = await callRoute(method, url, { ...auth, body: method === "GET" ? undefined : {} });
          expect(res.status, `${method} ${route.pattern} via ${Object.keys(auth)[0]}`).toBe(403);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("reaches a cluster inside the group, sees only it in the lists, and never the admin lists", async () => {
    expect((await callRoute("GET", "/api/v1/clusters/scope-in", { cookie })).status).toBe(200);
    const list = (await (await callRoute("GET", "/api/v1/clusters", { token })).json()) as { items: Array<{ id: string }>; total: number };
    expect(list.items.map((c) => c.id)).toEqual(["scope-in"]);
    expect(list.total).toBe(1);
    for (const url of ["/api/v1/users", "/api/v1/audit", "/api/v1/role-bindings", "/api/v1/fleet/webhook"]) {
      expect((await callRoute("GET", url, { cookie })).status, url).toBe(403);
    }
  });
});
