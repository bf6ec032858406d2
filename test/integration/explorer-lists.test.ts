import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import type { TKubeDetail, TKubeList } from "@/lib/shared/explorer/explorer.schema";
import { callRoute } from "../helpers/routes";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

describe("explorer lists and details through the tunnel", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("lists");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const get = async <T>(url: string, cookie = fx.cookies.viewer) => {
    const res = await callRoute("GET", url, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it("lists pods with kubectl's columns, impersonating the viewer", async () => {
    const list = await get<TKubeList>("/api/v1/clusters/lists/pods?namespace=demo");
    expect(list.error).toBeNull();
    expect(list.cluster).toMatchObject({ id: "lists", connected: true });
    const worker = list.items.find((i) => String(i.name).startsWith("worker-"));
    expect(worker).toMatchObject({ namespace: "demo" });
    expect(["CrashLoopBackOff", "Error", "Running"]).toContain(worker?.status);
    const web = list.items.filter((i) => String(i.name).startsWith("web-"));
    expect(web).toHaveLength(3);
    expect(web[0]).toMatchObject({ ready: "1/1", status: "Running", restarts: "0" });
    expect(String(web[0]?.ip)).toMatch(/^10\.42\./);
    // Slim objects: no env, no managedFields.
    expect(JSON.stringify(list.items)).not.toContain("managedFields");
    // The viewer's access was checked as the viewer; the shared list itself ran as the console.
    const audit = fx.cluster.audit().filter((a) => a.resource === "pods" && a.verb === "list" && a.namespace === "demo");
    expect(audit.find((a) => a.impersonatedUser === "outpost:vic")).toMatchObject({ impersonatedGroups: expect.arrayContaining(["outpost:viewer", "system:authenticated"]) });
    expect(audit.find((a) => a.impersonatedUser === "outpost:vic")?.requestURI).toContain("limit=1");
    expect(audit.some((a) => a.impersonatedUser === undefined)).toBe(true);
  });

  it("lists nodes with STATUS, ROLES and VERSION as kubectl prints them", async () => {
    const list = await get<TKubeList>("/api/v1/clusters/lists/nodes");
    expect(list.items).toHaveLength(3);
    const server = list.items.find((n) => String(n.roles).includes("control-plane"));
    expect(server).toMatchObject({ status: "Ready", roles: "control-plane,master" });
    expect(String(server?.version)).toMatch(/^v1\.31/);
  });

  it("filters by label selector upstream and refuses a malformed selector with 422", async () => {
    const list = await get<TKubeList>("/api/v1/clusters/lists/pods?labelSelector=app%3Dweb");
    expect(list.items.map((i) => String(i.name).split("-")[0])).toEqual(["web", "web", "web"]);
    const bad = await callRoute("GET", "/api/v1/clusters/lists/pods?labelSelector=app%3D%3D%3D(", { cookie: fx.cookies.viewer });
    expect(bad.status).toBe(422);
    const badNs = await callRoute("GET", "/api/v1/clusters/lists/pods?namespace=Not_A_Namespace", { cookie: fx.cookies.viewer });
    expect(badNs.status).toBe(422);
  });

  it("lists deployments, services, events, namespaces and configmaps", async () => {
    const deps = await get<TKubeList>("/api/v1/clusters/lists/deployments?namespace=demo");
    expect(deps.items.find((d) => d.name === "web")).toMatchObject({ ready: "3/3", upToDate: 3, available: 3 });
    const svcs = await get<TKubeList>("/api/v1/clusters/lists/services?namespace=demo");
    expect(svcs.items.find((s) => s.name === "web")).toMatchObject({ type: "ClusterIP", ports: "80/TCP" });
    const events = await get<TKubeList>("/api/v1/clusters/lists/events");
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items[0]).toHaveProperty("lastSeen");
    const ns = await get<TKubeList>("/api/v1/clusters/lists/namespaces");
    expect(ns.items.map((n) => n.name)).toEqual(expect.arrayContaining(["default", "kube-system", "demo"]));
    const cms = await get<TKubeList>("/api/v1/clusters/lists/configmaps?namespace=demo");
    const cm = cms.items.find((c) => c.name === "web-config");
    expect(cm).toMatchObject({ data: 1 });
    expect(JSON.stringify(cm)).not.toContain("listen 80");
  });

  it("lists secrets by name only, values never leave the console", async () => {
    const secrets = await get<TKubeList>("/api/v1/clusters/lists/secrets?namespace=demo", fx.cookies.admin);
    const secret = secrets.items.find((s) => s.name === "api-credentials");
    expect(secret).toMatchObject({ type: "Opaque", data: 1 });
    expect(JSON.stringify(secrets)).not.toContain(Buffer.from("not-a-real-password").toString("base64"));
    const detail = await get<TKubeDetail>("/api/v1/clusters/lists/secrets/demo/api-credentials", fx.cookies.admin);
    expect(detail.object?.data).toEqual({ password: "" });
    expect(detail.yaml).not.toContain(Buffer.from("not-a-real-password").toString("base64"));
  });

  it("shows a pod's YAML, node, owner and events", async () => {
    const list = await get<TKubeList>("/api/v1/clusters/lists/pods?namespace=demo&labelSelector=app%3Dworker");
    const name = String(list.items[0]?.name);
    const detail = await get<TKubeDetail>(`/api/v1/clusters/lists/pods/demo/${name}`);
    expect(detail.error).toBeNull();
    expect(detail.yaml).toContain(`name: ${name}`);
    expect(detail.related.node).toMatch(/^lists-/);
    expect(detail.related.owner).toMatchObject({ kind: "ReplicaSet", resource: "replicasets", namespace: "demo" });
    expect(detail.related.events.map((e) => (e as { reason?: string }).reason)).toContain("Pulled");
  });

  it("shows a Deployment with its ReplicaSets and pods", async () => {
    const detail = await get<TKubeDetail>("/api/v1/clusters/lists/deployments/demo/web");
    expect(detail.related.replicaSets).toHaveLength(1);
    expect(detail.related.pods).toHaveLength(3);
  });

  it("answers a missing object as data (404 from the cluster) and an unknown cluster with 404", async () => {
    const missing = await get<TKubeDetail>("/api/v1/clusters/lists/pods/demo/nope");
    expect(missing.error).toMatchObject({ code: "not_found", status: 404, reason: "NotFound" });
    const res = await callRoute("GET", "/api/v1/clusters/no-such-cluster/pods", { cookie: fx.cookies.viewer });
    expect(res.status).toBe(404);
  });

  it("returns an unavailable cluster's error as data, never a 500", async () => {
    await prisma.cluster.create({ data: { id: "offline", name: "offline", displayName: "Offline", state: "unavailable", stateReason: "agent silent" } });
    const list = await get<TKubeList>("/api/v1/clusters/offline/pods");
    expect(list.items).toEqual([]);
    expect(list.error).toMatchObject({ code: "unavailable", status: 503, reason: "ClusterNotConnected" });
    expect(list.cluster).toMatchObject({ state: "unavailable", stateReason: "agent silent", connected: false });
    const overview = await get<{ error: { code: string } | null; nodes: unknown }>("/api/v1/clusters/offline/overview");
    expect(overview.error?.code).toBe("unavailable");
    expect(overview.nodes).toBeNull();
  });

  it("summarises the cluster in the overview", async () => {
    const overview = await get<{ kubernetesVersion: string; distribution: string; servers: number; ha: boolean; nodes: { ready: number; total: number }; pods: Record<string, number>; deployments: { available: number; desired: number }; warningEvents: unknown[] }>(
      "/api/v1/clusters/lists/overview",
    );
    expect(overview).toMatchObject({ kubernetesVersion: "v1.31.4+k3s1", distribution: "k3s", servers: 1, ha: false, nodes: { ready: 3, total: 3 } });
    expect(overview.pods.Running).toBeGreaterThan(5);
    expect(overview.deployments.desired).toBeGreaterThanOrEqual(overview.deployments.available);
    expect(Array.isArray(overview.warningEvents)).toBe(true);
  });
});
