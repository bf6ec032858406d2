// The bundles API without clusters connected: validation (4xx with clear messages), who
// may change and read, audit, and the per-cluster rows of offline targets.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

const YAML = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: edge\ndata:\n  site: \"${cluster.labels.site}\"\n";

describe("bundles API", () => {
  let operator: string;
  let viewer: string;
  beforeAll(async () => {
    await seedUser("oscar", "operator");
    await seedUser("vicky", "viewer");
    operator = await login("oscar");
    viewer = await login("vicky");
    for (const [i, env] of ["prod", "prod", "dev"].entries()) {
      await prisma.cluster.create({ data: { id: `api-${i}`, name: `api-${i}`, displayName: `api-${i}`, labels: { env, site: `s${i}` } } });
    }
  });

  const post = (cookie: string, url: string, body: unknown) => callRoute("POST", url, { cookie, body });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

  it("refuses bad YAML, unsupported kinds and bad selectors with 422 and the reason", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ name: "x", source: { yaml: "a: [" }, targets: { clusterSelector: "env=prod" } }, /document 1/],
      [{ name: "x", source: { yaml: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}" }, targets: { clusterSelector: "env=prod" } }, /cannot be part of a bundle/],
      [{ name: "x", source: { yaml: YAML }, targets: { clusterSelector: "env in (prod" } }, /not a valid label selector/],
      [{ name: "x", source: { yaml: YAML }, targets: {} }, /exactly one of clusterSelector, clusterIds or group/],
      [{ name: "Bad_Name", source: { yaml: YAML }, targets: { clusterSelector: "env=prod" } }, /DNS-1123/],
      [{ name: "x", source: { yaml: YAML }, targets: { clusterIds: ["nope"] } }, /Unknown cluster id/],
    ];
    for (const [body, message] of cases) {
      const res = await post(operator, "/api/v1/bundles", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const error = await errorOf(res);
      expect(`${error.message} ${JSON.stringify(error.fields ?? {})}`).toMatch(message);
    }
    expect(await prisma.bundle.count()).toBe(0);
  });

  it("creates a bundle for the matching clusters, audited; viewers read, cannot change", async () => {
    const res = await post(operator, "/api/v1/bundles", { name: "cfg", source: { yaml: YAML }, targets: { clusterSelector: "env=prod" } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; revision: number; clusters: Array<{ clusterId: string; state: string }> };
    expect(created.revision).toBe(1);
    expect(created.clusters.map((c) => c.clusterId)).toEqual(["api-0", "api-1"]);
    expect(created.clusters.every((c) => c.state === "Waiting")).toBe(true);

    expect((await post(viewer, `/api/v1/bundles/${created.id}/revisions`, { source: { yaml: YAML } })).status).toBe(403);
    const list = await callRoute("GET", "/api/v1/bundles", { cookie: viewer });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: Array<{ name: string; total: number }> }).items).toMatchObject([{ name: "cfg", total: 2 }]);
    const onCluster = await callRoute("GET", "/api/v1/clusters/api-0/bundles", { cookie: viewer });
    expect(((await onCluster.json()) as { items: Array<{ bundleName: string }> }).items).toMatchObject([{ bundleName: "cfg" }]);

    const dup = await post(operator, "/api/v1/bundles", { name: "cfg", source: { yaml: YAML }, targets: { clusterSelector: "env=dev" } });
    expect(dup.status).toBe(409);
    const rev = await post(operator, `/api/v1/bundles/${created.id}/revisions`, { source: { yaml: YAML.replace("cfg", "cfg2") } });
    expect(rev.status).toBe(201);
    expect(((await rev.json()) as { revision: number }).revision).toBe(2);
    const revisions = await callRoute("GET", `/api/v1/bundles/${created.id}/revisions`, { cookie: viewer });
    expect(((await revisions.json()) as { items: Array<{ number: number; yaml: string }> }).items.map((r) => r.number)).toEqual([2, 1]);

    expect((await post(operator, `/api/v1/bundles/${created.id}/resume`, {})).status).toBe(409);
    expect((await post(operator, `/api/v1/bundles/${created.id}/pause`, {})).status).toBe(200);
    expect((await post(operator, `/api/v1/bundles/${created.id}/rollback`, { revision: 9 })).status).toBe(422);
    const rolled = await post(operator, `/api/v1/bundles/${created.id}/rollback`, {});
    expect(rolled.status).toBe(200);
    expect(((await rolled.json()) as { revision: number; status: string })).toMatchObject({ revision: 1, status: "progressing" });
    expect((await post(operator, `/api/v1/bundles/${created.id}/abort`, {})).status).toBe(200);
    expect((await callRoute("GET", "/api/v1/bundles/nope", { cookie: viewer })).status).toBe(404);

    const audit = await prisma.auditEvent.findMany({ where: { targetType: "bundle" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => `${a.actorName} ${a.action}`)).toEqual(["oscar bundle.create", "oscar bundle.revision", "oscar bundle.pause", "oscar bundle.rollback", "oscar bundle.abort"]);
  });
});
