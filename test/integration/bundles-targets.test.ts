// Bundle targets and lifecycle through the API, without clusters connected: saved cluster
// groups (targets and overrides, in use → 409), per-target values checked at submission,
// why a bundle targets nothing, and deletion with and without prune.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { reconcileBundle } from "@/lib/server/bundles/reconcile-bundle";
import type { TBundleDetail, TBundleSummary } from "@/lib/shared/bundles/bundles.schema";
import type { TClusterGroup } from "@/lib/shared/cluster-groups/cluster-groups.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

const YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: edge\ndata:\n  tag: "${values.tag}"\n';

describe("bundle targets: groups, overrides, empty targets, delete", () => {
  let operator: string;
  beforeAll(async () => {
    await seedUser("tom", "operator");
    operator = await login("tom");
    for (const [i, region] of ["eu", "eu", "us"].entries()) {
      await prisma.cluster.create({ data: { id: `tg-${i}`, name: `tg-${i}`, displayName: `tg-${i}`, labels: { region, site: `s${i}` } } });
    }
  });

  const call = async <T>(method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown) => {
    const res = await callRoute(method, url, { cookie: operator, body });
    return { status: res.status, body: (await res.json()) as T };
  };
  const list = async () => (await call<{ items: TBundleSummary[] }>("GET", "/api/v1/bundles")).body.items;

  it("saves groups; a bundle targets a group and follows it when the group changes", async () => {
    const eu = await call<TClusterGroup>("POST", "/api/v1/cluster-groups", { name: "eu", clusterSelector: "region=eu" });
    expect(eu).toMatchObject({ status: 201, body: { name: "eu", clusterCount: 2 } });
    expect((await call("POST", "/api/v1/cluster-groups", { name: "eu", clusterIds: ["tg-2"] })).status).toBe(409);
    expect((await call("POST", "/api/v1/cluster-groups", { name: "x", clusterIds: ["nope"] })).status).toBe(422);
    expect((await call("POST", "/api/v1/cluster-groups", { name: "x", clusterSelector: "region in (eu" })).status).toBe(422);

    expect((await call("POST", "/api/v1/bundles", { name: "g", source: { yaml: YAML }, values: { tag: "1" }, targets: { group: "nope" } })).status).toBe(422);
    const created = await call<TBundleDetail>("POST", "/api/v1/bundles", { name: "g", source: { yaml: YAML }, values: { tag: "1" }, targets: { group: "eu" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ group: "eu", total: 2 });
    expect(created.body.clusters.map((c) => c.clusterId)).toEqual(["tg-0", "tg-1"]);

    // The group now names one US cluster: the bundle's rows follow on the next pass.
    const changed = await call<TClusterGroup>("PUT", `/api/v1/cluster-groups/${eu.body.id}`, { name: "eu", clusterIds: ["tg-2"] });
    expect(changed.body).toMatchObject({ clusterCount: 1, bundles: ["g"] });
    await reconcileBundle(created.body.id);
    const after = (await call<TBundleDetail>("GET", `/api/v1/bundles/${created.body.id}`)).body;
    expect(after.clusters.map((c) => c.clusterId)).toEqual(["tg-2"]);
    const inUse = await call<{ error: { message: string } }>("DELETE", `/api/v1/cluster-groups/${eu.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/Bundles target this group: g/);
  });

  it("checks values and overrides at submission; an override may name a group", async () => {
    const noValue = await call<{ error: { fields: Record<string, string> } }>("POST", "/api/v1/bundles", { name: "v", source: { yaml: YAML }, targets: { clusterSelector: "region=us" }, values: { other: "x" } });
    expect(noValue.status).toBe(422);
    expect(noValue.body.error.fields["source.yaml"]).toMatch(/no value "tag"/);
    const badOverride = await call("POST", "/api/v1/bundles", { name: "v", source: { yaml: YAML }, targets: { clusterSelector: "region=us" }, values: { tag: "1" }, overrides: [{ clusterSelector: "site=s2", group: "eu", values: { tag: "2" } }] });
    expect(badOverride.status).toBe(422);
    const unknownGroup = await call("POST", "/api/v1/bundles", { name: "v", source: { yaml: YAML }, targets: { clusterSelector: "region=us" }, values: { tag: "1" }, overrides: [{ group: "nope", values: { tag: "2" } }] });
    expect(unknownGroup.status).toBe(422);
    const ok = await call<TBundleDetail>("POST", "/api/v1/bundles", { name: "v", source: { yaml: YAML }, targets: { clusterSelector: "region=us" }, values: { tag: "1" }, overrides: [{ group: "eu", values: { tag: "2" } }, { clusterSelector: "site=s2", values: { tag: "3" } }] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ values: { tag: "1" }, overrides: [{ group: "eu" }, { clusterSelector: "site=s2" }] });
    // A revision that changes only the values keeps the YAML; dropping a value the YAML uses is refused.
    const rev = await call<TBundleDetail>("POST", `/api/v1/bundles/${ok.body.id}/revisions`, { values: { tag: "9" } });
    expect(rev).toMatchObject({ status: 201, body: { revision: 2, values: { tag: "9" }, overrides: [{ group: "eu" }, { clusterSelector: "site=s2" }] } });
    const dropped = await call("POST", `/api/v1/bundles/${ok.body.id}/revisions`, { values: {}, overrides: [] });
    expect(dropped.status).toBe(422);
  });

  it("says why a bundle targets nothing: named clusters deleted, or no cluster matches", async () => {
    await prisma.cluster.create({ data: { id: "tg-gone", name: "tg-gone", displayName: "tg-gone", labels: {} } });
    const named = await call<TBundleDetail>("POST", "/api/v1/bundles", { name: "named", source: { yaml: YAML }, values: { tag: "1" }, targets: { clusterIds: ["tg-gone"] } });
    expect(named.body).toMatchObject({ total: 1, emptyReason: null, missingTargets: 0 });
    await prisma.cluster.delete({ where: { id: "tg-gone" } });
    await call("POST", "/api/v1/bundles", { name: "nomatch", source: { yaml: YAML }, values: { tag: "1" }, targets: { clusterSelector: "region=mars" } });
    const items = await list();
    expect(items.find((b) => b.name === "named")).toMatchObject({ total: 0, emptyReason: "clustersDeleted", missingTargets: 1 });
    expect(items.find((b) => b.name === "nomatch")).toMatchObject({ total: 0, emptyReason: "noMatch", missingTargets: 0 });
    expect(items.find((b) => b.name === "g")).toMatchObject({ emptyReason: null });
  });

  it("deletes: without prune at once; with prune it waits for the clusters it applied to", async () => {
    const gone = (await list()).find((b) => b.name === "nomatch")!;
    expect(await call("DELETE", `/api/v1/bundles/${gone.id}?prune=false`)).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await call("GET", `/api/v1/bundles/${gone.id}`)).status).toBe(404);

    const g = (await list()).find((b) => b.name === "g")!;
    // As if the driver had applied revision 1 to tg-2 (not connected here: pruning must wait for it).
    await prisma.bundleDeployment.updateMany({ where: { bundleId: g.id, clusterId: "tg-2" }, data: { appliedRevision: 1, appliedObjects: ["v1|ConfigMap|edge|cfg"] } });
    expect((await call("DELETE", `/api/v1/bundles/${g.id}?prune=maybe`)).status).toBe(422);
    const pruning = await call<{ deleted: boolean; clustersLeft: number }>("DELETE", `/api/v1/bundles/${g.id}`);
    expect(pruning).toMatchObject({ status: 202, body: { deleted: false, clustersLeft: 1 } });
    await reconcileBundle(g.id);
    const waiting = (await list()).find((b) => b.name === "g")!;
    expect(waiting).toMatchObject({ total: 0, deleting: { clustersLeft: 1 }, emptyReason: null });
    expect((await call("POST", `/api/v1/bundles/${g.id}/resume`)).status).toBe(409);
    // Asked again without prune: the wait for the offline cluster ends.
    expect(await call("DELETE", `/api/v1/bundles/${g.id}?prune=false`)).toMatchObject({ status: 200, body: { deleted: true } });
    const audit = await prisma.auditEvent.findMany({ where: { action: "bundle.delete" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.details as { prune: boolean }).prune)).toEqual([false, true, false]);
  });
});
