// `kubectl rollout undo` through the console: revision history from the ReplicaSets, and a
// rollback to revision 1 restores the old image (strict simulator, real agent tunnel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import type { TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;
const image = async () => (await kubeJson<{ spec: { template: { spec: { containers: Array<{ image: string }> } } } }>("rbk", ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).spec.template.spec.containers[0]!.image;

describe("deployment rollback", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("rbk");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("lists revisions and rolls back to revision 1, restoring the old image; audited", async () => {
    const original = await image();
    await kubeJson("rbk", ADMIN, { method: "PATCH", path: "/apis/apps/v1/namespaces/demo/deployments/web", contentType: "application/strategic-merge-patch+json", body: { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.28.0" }] } } } } });
    const history = await eventually(async () => {
      const res = await callRoute("GET", "/api/v1/clusters/rbk/deployments/demo/web/rollback", { token: fx.tokens.operator });
      const body = (await res.json()) as TWorkloadHistory;
      return body.revisions?.length === 2 ? body : undefined;
    }, 15_000, "revision 2");
    expect(history.revisions.map((r) => [r.revision, r.images, r.current])).toEqual([[2, ["nginx:1.28.0"], true], [1, [original], false]]);

    const res = await callRoute("POST", "/api/v1/clusters/rbk/deployments/demo/web/rollback", { token: fx.tokens.operator, body: { revision: 1 } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ revision: 1 });
    expect(await image()).toBe(original);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "k8s.deployment.rollback" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ actorName: "opal", outcome: "success", details: { namespace: "demo", name: "web", revision: 1 } });
    const again = await callRoute("POST", "/api/v1/clusters/rbk/deployments/demo/web/rollback", { token: fx.tokens.operator, body: { revision: 9 } });
    expect(again.status).toBe(404);
    expect((await callRoute("POST", "/api/v1/clusters/rbk/deployments/demo/web/rollback", { token: fx.tokens.viewer, body: {} })).status).toBe(403);
  });
});
