import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { KubeError } from "@/lib/server/k8s/kube-error";
import type { TKubeDetail, TKubeList } from "@/lib/shared/explorer/explorer.schema";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

describe("explorer actions (operator/admin only, audited)", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("acts");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const podsOf = async (app: string) => {
    const res = await callRoute("GET", `/api/v1/clusters/acts/pods?namespace=demo&labelSelector=app%3D${app}`, { cookie: fx.cookies.viewer });
    return ((await res.json()) as TKubeList).items;
  };
  const lastAudit = (action: string) => prisma.auditEvent.findFirst({ where: { action }, orderBy: { at: "desc" } });

  it("deletes a pod as operator: it is replaced, and the deletion is audited (console and cluster name the operator)", async () => {
    const [victim] = await podsOf("web");
    const name = String(victim?.name);
    const res = await callRoute("DELETE", `/api/v1/clusters/acts/pods/demo/${name}`, { cookie: fx.cookies.operator, headers: { origin: "https://localhost:8443" } });
    expect(res.status, await res.clone().text()).toBe(200);
    const audit = await lastAudit("k8s.pod.delete");
    expect(audit).toMatchObject({ actorName: "opal", outcome: "success", targetId: "acts", details: { namespace: "demo", name } });
    const seen = fx.cluster.audit().find((a) => a.verb === "delete" && a.name === name);
    expect(seen).toMatchObject({ impersonatedUser: "outpost:opal", impersonatedGroups: expect.arrayContaining(["outpost:operator"]) });
    await eventually(async () => {
      const pods = await podsOf("web");
      return pods.length === 3 && !pods.some((p) => p.name === name) && pods.every((p) => p.status === "Running");
    }, 15_000, "replacement pod");
  });

  it("refuses every action to a viewer (403) and records nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { action: { startsWith: "k8s." } } });
    const calls: Array<[("POST" | "DELETE"), string, unknown]> = [
      ["DELETE", "/api/v1/clusters/acts/pods/demo/any", undefined],
      ["POST", "/api/v1/clusters/acts/deployments/demo/web/restart", undefined],
      ["POST", "/api/v1/clusters/acts/deployments/demo/web/scale", { replicas: 1 }],
      ["POST", "/api/v1/clusters/acts/nodes/acts-server-1/cordon", undefined],
      ["POST", "/api/v1/clusters/acts/secrets/demo/api-credentials/reveal", { key: "password" }],
    ];
    for (const [method, url, body] of calls) {
      const res = await callRoute(method, url, { token: fx.tokens.viewer, body });
      expect(res.status, url).toBe(403);
    }
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: "k8s." } } })).toBe(before);
  });

  it("restarts a deployment by stamping kubectl's restartedAt annotation", async () => {
    const res = await callRoute("POST", "/api/v1/clusters/acts/deployments/demo/api/restart", { token: fx.tokens.operator });
    expect(res.status, await res.clone().text()).toBe(200);
    const { restartedAt } = (await res.json()) as { restartedAt: string };
    const detail = (await (await callRoute("GET", "/api/v1/clusters/acts/deployments/demo/api", { token: fx.tokens.viewer })).json()) as TKubeDetail;
    const annotations = (detail.object as { spec: { template: { metadata: { annotations: Record<string, string> } } } }).spec.template.metadata.annotations;
    expect(annotations["kubectl.kubernetes.io/restartedAt"]).toBe(restartedAt);
    expect(await lastAudit("k8s.deployment.restart")).toMatchObject({ actorName: "opal", details: { namespace: "demo", name: "api" } });
  });

  it("scales a deployment and validates the replica count", async () => {
    const bad = await callRoute("POST", "/api/v1/clusters/acts/deployments/demo/api/scale", { token: fx.tokens.operator, body: { replicas: -1 } });
    expect(bad.status).toBe(422);
    const res = await callRoute("POST", "/api/v1/clusters/acts/deployments/demo/api/scale", { token: fx.tokens.operator, body: { replicas: 4 } });
    expect(res.status, await res.clone().text()).toBe(200);
    await eventually(async () => (await podsOf("api")).length === 4, 15_000, "4 api pods");
    expect(await lastAudit("k8s.deployment.scale")).toMatchObject({ details: { replicas: 4 } });
  });

  it("cordons and uncordons a node (SchedulingDisabled)", async () => {
    const nodes = (await (await callRoute("GET", "/api/v1/clusters/acts/nodes", { token: fx.tokens.viewer })).json()) as TKubeList;
    const node = String(nodes.items.find((n) => String(n.roles) === "<none>")?.name);
    expect((await callRoute("POST", `/api/v1/clusters/acts/nodes/${node}/cordon`, { token: fx.tokens.admin })).status).toBe(200);
    const status = async () => ((await (await callRoute("GET", "/api/v1/clusters/acts/nodes", { token: fx.tokens.viewer })).json()) as TKubeList).items.find((n) => n.name === node)?.status;
    expect(await status()).toBe("Ready,SchedulingDisabled");
    expect((await callRoute("POST", `/api/v1/clusters/acts/nodes/${node}/uncordon`, { token: fx.tokens.admin })).status).toBe(200);
    expect(await status()).toBe("Ready");
    expect(await lastAudit("k8s.node.uncordon")).toMatchObject({ actorName: "ada", details: { name: node } });
  });

  it("reveals a Secret value to an admin only, audited without the value", async () => {
    const asOperator = await callRoute("POST", "/api/v1/clusters/acts/secrets/demo/api-credentials/reveal", { token: fx.tokens.operator, body: { key: "password" } });
    expect(asOperator.status).toBe(403);
    const res = await callRoute("POST", "/api/v1/clusters/acts/secrets/demo/api-credentials/reveal", { token: fx.tokens.admin, body: { key: "password" } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ key: "password", value: "not-a-real-password", encoding: "utf8" });
    const audit = await lastAudit("k8s.secret.reveal");
    expect(audit).toMatchObject({ actorName: "ada", outcome: "success", details: { namespace: "demo", name: "api-credentials", key: "password" } });
    expect(JSON.stringify(audit?.details)).not.toContain("not-a-real-password");
    const missing = await callRoute("POST", "/api/v1/clusters/acts/secrets/demo/api-credentials/reveal", { token: fx.tokens.admin, body: { key: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("answers an action on a missing object with the cluster's 404 and audits the failure", async () => {
    const res = await callRoute("DELETE", "/api/v1/clusters/acts/pods/demo/does-not-exist", { token: fx.tokens.operator });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "not_found", message: expect.stringContaining("does-not-exist") });
    expect(await lastAudit("k8s.pod.delete")).toMatchObject({ outcome: "failure", details: { name: "does-not-exist", status: 404, reason: "NotFound" } });
  });

  it("maps a slow cluster to 504 upstream_timeout and an unreachable one to 503", async () => {
    fx.cluster.setFaults({ latencyMs: 1_500 });
    try {
      const error = await kubeJson("acts", null, { path: "/api/v1/namespaces", timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KubeError);
      expect(error).toMatchObject({ status: 504, code: "upstream_timeout", reason: "Timeout", clusterId: "acts" });
    } finally {
      fx.cluster.setFaults({});
    }
    const offline = await kubeJson("nowhere", null, { path: "/version" }).catch((e: unknown) => e);
    expect(offline).toMatchObject({ status: 503, code: "unavailable", reason: "ClusterNotConnected" });
  });
});
