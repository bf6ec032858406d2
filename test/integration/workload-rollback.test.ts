// `kubectl rollout undo|pause|resume` through the console for StatefulSets and DaemonSets
// (ControllerRevisions) and Deployments: history with pod templates for a diff, rollback
// restores the old image on the object and its pods, pause holds a rollout; audited,
// operator/admin only (strict simulator, real agent tunnel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import type { TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;
const ID = "wrb";
type Obj = { metadata: { name: string; labels?: Record<string, string>; generation?: number }; spec: { template: { spec: { containers: Array<{ image: string }> } } }; status?: Record<string, unknown> };

const template = (app: string, image: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image }] } });
const podsOf = async (app: string) => (await kubeJson<{ items: Array<Obj & { metadata: { deletionTimestamp?: string } }> }>(ID, ADMIN, { path: "/api/v1/namespaces/demo/pods", query: { labelSelector: `app=${app}` } })).items;

describe("workload rollback and pause", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture(ID);
    await kubeJson(ID, ADMIN, { method: "POST", path: "/apis/apps/v1/namespaces/demo/statefulsets", body: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { replicas: 2, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: template("db", "postgres:16.4") } } });
    await kubeJson(ID, ADMIN, { method: "POST", path: "/apis/apps/v1/namespaces/demo/daemonsets", body: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "logs" }, spec: { selector: { matchLabels: { app: "logs" } }, template: template("logs", "fluent/fluent-bit:3.1.4") } } });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  for (const [resource, name, before, after] of [["statefulsets", "db", "postgres:16.4", "postgres:17.0"], ["daemonsets", "logs", "fluent/fluent-bit:3.1.4", "fluent/fluent-bit:3.2.0"]] as const) {
    it(`${resource}: history from ControllerRevisions with a template diff; rollback to revision 1 restores the image on the object and every pod; audited`, async () => {
      const url = `/api/v1/clusters/${ID}/${resource}/demo/${name}/rollback`;
      await eventually(async () => (await podsOf(name)).length > 0 && (await podsOf(name)).every((p) => p.status?.phase === "Running"), 20_000, `${name} running`);
      await kubeJson(ID, ADMIN, { method: "PATCH", path: `/apis/apps/v1/namespaces/demo/${resource}/${name}`, contentType: "application/strategic-merge-patch+json", body: { spec: { template: { spec: { containers: [{ name, image: after }] } } } } });
      const history = await eventually(async () => {
        const body = (await (await callRoute("GET", url, { token: fx.tokens.operator })).json()) as TWorkloadHistory;
        return body.revisions?.length === 2 ? body : undefined;
      }, 15_000, "revision 2");
      expect(history.revisions.map((r) => [r.revision, r.images, r.current])).toEqual([[2, [after], true], [1, [before], false]]);
      expect(history.revisions[0]!.source).toMatch(new RegExp(`^${name}-[a-z0-9]{10}$`));
      expect(history.revisions[0]!.template).toContain(`image: ${after}`);
      expect(history.revisions[1]!.template).toContain(`image: ${before}`);
      expect(history.revisions[1]!.template).not.toContain("$patch");
      // The controller rolls every pod to revision 2 before we go back.
      await eventually(async () => {
        const pods = await podsOf(name);
        return pods.length > 0 && pods.every((p) => (p as unknown as { spec: { containers: Array<{ image: string }> } }).spec.containers[0]!.image === after && !p.metadata.deletionTimestamp);
      }, 30_000, `${name} pods on ${after}`);

      const res = await callRoute("POST", url, { token: fx.tokens.operator, body: { revision: 1 } });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toEqual({ revision: 1 });
      const live = await kubeJson<Obj>(ID, ADMIN, { path: `/apis/apps/v1/namespaces/demo/${resource}/${name}` });
      expect(live.spec.template.spec.containers[0]!.image).toBe(before);
      await eventually(async () => {
        const pods = await podsOf(name);
        return pods.length > 0 && pods.every((p) => (p as unknown as { spec: { containers: Array<{ image: string }> } }).spec.containers[0]!.image === before && !p.metadata.deletionTimestamp);
      }, 30_000, `${name} pods back on ${before}`);
      // Revision 1 became revision 3 (as the controllers number a template seen again).
      const again = (await (await callRoute("GET", url, { token: fx.tokens.operator })).json()) as TWorkloadHistory;
      expect(again.revisions.map((r) => [r.revision, r.images[0]])).toEqual([[3, before], [2, after]]);
      const audit = await prisma.auditEvent.findFirst({ where: { action: `k8s.${resource.slice(0, -1)}.rollback` }, orderBy: { at: "desc" } });
      expect(audit).toMatchObject({ actorName: "opal", outcome: "success", details: { namespace: "demo", name, revision: 1 } });
      // Already live, unknown revision, viewer.
      expect((await callRoute("POST", url, { token: fx.tokens.operator, body: { revision: 3 } })).status).toBe(409);
      expect((await callRoute("POST", url, { token: fx.tokens.operator, body: { revision: 9 } })).status).toBe(404);
      expect((await callRoute("POST", url, { token: fx.tokens.viewer, body: {} })).status).toBe(403);
      expect((await callRoute("GET", url, { token: fx.tokens.viewer })).status).toBe(403);
    });
  }

  it("deployments: pause holds a template change (no new ReplicaSet), refuses rollback and a second pause; resume rolls it out; audited", async () => {
    const base = `/api/v1/clusters/${ID}/deployments/demo/web`;
    const path = "/apis/apps/v1/namespaces/demo/deployments/web";
    const revisions = async () => ((await (await callRoute("GET", `${base}/rollback`, { token: fx.tokens.admin })).json()) as TWorkloadHistory).revisions;
    const count = (await revisions()).length;
    expect((await callRoute("POST", `${base}/pause`, { token: fx.tokens.operator })).status).toBe(200);
    expect((await callRoute("POST", `${base}/pause`, { token: fx.tokens.operator })).status).toBe(409);
    await kubeJson(ID, ADMIN, { method: "PATCH", path, contentType: "application/strategic-merge-patch+json", body: { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.29.0" }] } } } } });
    // The controller saw the change (observedGeneration) and reports the pause instead of rolling out.
    const paused = await eventually(async () => {
      const d = await kubeJson<Obj>(ID, ADMIN, { path });
      const progressing = (d.status?.conditions as Array<{ type: string; reason: string }> | undefined)?.find((c) => c.type === "Progressing");
      return d.status?.observedGeneration === d.metadata.generation && progressing?.reason === "DeploymentPaused" ? d : undefined;
    }, 15_000, "DeploymentPaused");
    expect(paused.spec.template.spec.containers[0]!.image).toBe("nginx:1.29.0");
    expect(await revisions()).toHaveLength(count);
    const refused = await callRoute("POST", `${base}/rollback`, { token: fx.tokens.operator, body: {} });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("resume it first");
    expect((await callRoute("POST", `${base}/resume`, { token: fx.tokens.operator })).status).toBe(200);
    const after = await eventually(async () => {
      const r = await revisions();
      return r.length === count + 1 ? r : undefined;
    }, 15_000, "the held rollout");
    expect(after[0]).toMatchObject({ current: true, images: ["nginx:1.29.0"] });
    expect((await callRoute("POST", `${base}/resume`, { token: fx.tokens.operator })).status).toBe(409);
    expect((await callRoute("POST", `${base}/pause`, { token: fx.tokens.viewer })).status).toBe(403);
    const audits = await prisma.auditEvent.findMany({ where: { action: { in: ["k8s.deployment.pause", "k8s.deployment.resume"] } }, orderBy: { at: "asc" } });
    expect(audits.map((a) => [a.action, a.outcome])).toEqual([["k8s.deployment.pause", "success"], ["k8s.deployment.pause", "failure"], ["k8s.deployment.resume", "success"], ["k8s.deployment.resume", "failure"]]);
  });
});
