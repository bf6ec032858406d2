// Delete any object with a propagation policy (kubectl delete --cascade=…) through the
// generic resources route, as the user, audited; the strict simulator garbage-collects
// like kube-apiserver (Orphan keeps the dependents, Foreground removes them first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;
const ID = "odel";
type Meta = { metadata: { name: string; ownerReferences?: Array<{ kind: string }>; labels?: Record<string, string> } };
const deploy = (name: string) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: "nginx:1.27.3" }] } } } });
const replicaSetsOf = async (app: string) => (await kubeJson<{ items: Meta[] }>(ID, ADMIN, { path: "/apis/apps/v1/namespaces/demo/replicasets", query: { labelSelector: `app=${app}` } })).items;
const gone = async (path: string) => kubeJson(ID, ADMIN, { path }).then(() => false, (e: { kubeStatus?: number }) => e.kubeStatus === 404);

describe("delete any object with a propagation policy", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture(ID);
    for (const name of ["keep-rs", "fg"]) await kubeJson(ID, ADMIN, { method: "POST", path: "/apis/apps/v1/namespaces/demo/deployments", body: deploy(name) });
    await eventually(async () => (await replicaSetsOf("keep-rs")).length === 1 && (await replicaSetsOf("fg")).length === 1, 15_000, "ReplicaSets");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("Orphan deletes the Deployment and leaves its ReplicaSet without an owner; audited", async () => {
    const res = await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/apps/v1/deployments/demo/keep-rs?propagationPolicy=Orphan`, { token: fx.tokens.operator });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, terminating: true });
    await eventually(() => gone("/apis/apps/v1/namespaces/demo/deployments/keep-rs"), 10_000, "the Deployment gone");
    const rs = await replicaSetsOf("keep-rs");
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.ownerReferences).toBeUndefined();
    const audit = await prisma.auditEvent.findFirst({ where: { action: "k8s.object.delete" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ actorName: "opal", outcome: "success", details: { apiVersion: "apps/v1", kind: "Deployment", namespace: "demo", name: "keep-rs", propagationPolicy: "Orphan" } });
  });

  it("Foreground removes the ReplicaSet before the Deployment; a ConfigMap without policy is gone at once", async () => {
    const res = await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/apps/v1/deployments/demo/fg?propagationPolicy=Foreground`, { token: fx.tokens.admin });
    expect(res.status).toBe(200);
    await eventually(() => gone("/apis/apps/v1/namespaces/demo/deployments/fg"), 15_000, "the Deployment gone");
    expect(await replicaSetsOf("fg")).toEqual([]);
    await kubeJson(ID, ADMIN, { method: "POST", path: "/api/v1/namespaces/demo/configmaps", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "scratch" }, data: { a: "1" } } });
    const cm = await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/core/v1/configmaps/demo/scratch`, { token: fx.tokens.operator });
    expect(await cm.json()).toEqual({ deleted: true, terminating: false });
    expect(await gone("/api/v1/namespaces/demo/configmaps/scratch")).toBe(true);
  });

  it("refuses viewers (403), a bad policy (422), a missing object (404), a kind without delete (405)", async () => {
    expect((await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/apps/v1/deployments/demo/web`, { token: fx.tokens.viewer })).status).toBe(403);
    expect((await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/apps/v1/deployments/demo/web?propagationPolicy=Sideways`, { token: fx.tokens.operator })).status).toBe(422);
    expect((await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/apps/v1/deployments/demo/missing`, { token: fx.tokens.operator })).status).toBe(404);
    expect((await callRoute("DELETE", `/api/v1/clusters/${ID}/resources/metrics.k8s.io/v1beta1/nodes/anything`, { token: fx.tokens.operator })).status).toBe(405);
    expect(await kubeJson(ID, ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).toMatchObject({ metadata: { name: "web" } });
  });
});
