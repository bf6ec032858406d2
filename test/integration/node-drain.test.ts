// Node drain through the console: the plan skips DaemonSet pods, evictions go through the
// Eviction subresource of the strict simulator, and a PodDisruptionBudget blocks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import type { TDrainPlan, TEvictResult } from "@/lib/shared/node-drain/node-drain.schema";
import { callRoute } from "../helpers/routes";
import { startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;

describe("node drain", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture("drn");
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const evict = async (namespace: string, name: string) => {
    const res = await callRoute("POST", `/api/v1/clusters/drn/pods/${namespace}/${name}/evict`, { token: fx.tokens.operator });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as TEvictResult;
  };

  it("plans, then evicts every pod but the one its PodDisruptionBudget protects", async () => {
    // Budget: all of web's pods must stay up — no web pod may be evicted.
    const web = await kubeJson<{ items: Array<{ spec: { nodeName: string } }> }>("drn", ADMIN, { path: "/api/v1/namespaces/demo/pods", query: { labelSelector: "app=web" } });
    const node = web.items[0]!.spec.nodeName;
    await kubeJson("drn", ADMIN, { method: "POST", path: "/apis/policy/v1/namespaces/demo/poddisruptionbudgets", body: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web-pdb", namespace: "demo" }, spec: { minAvailable: "100%", selector: { matchLabels: { app: "web" } } } } });

    const planRes = await callRoute("GET", `/api/v1/clusters/drn/nodes/${node}/drain`, { token: fx.tokens.operator });
    expect(planRes.status, await planRes.clone().text()).toBe(200);
    const plan = (await planRes.json()) as TDrainPlan;
    const webPod = plan.pods.find((p) => p.namespace === "demo" && p.name.startsWith("web-"));
    expect(webPod).toMatchObject({ action: "evict", budget: "web-pdb" });
    expect(plan.pods.filter((p) => p.skipReason === "daemonset").length + plan.pods.filter((p) => p.action === "evict").length).toBe(plan.pods.length);

    const cordon = await callRoute("POST", `/api/v1/clusters/drn/nodes/${node}/cordon`, { token: fx.tokens.operator });
    expect(cordon.status).toBe(200);
    const outcomes = new Map<string, TEvictResult>();
    for (const p of plan.pods.filter((x) => x.action === "evict")) outcomes.set(`${p.namespace}/${p.name}`, await evict(p.namespace, p.name));
    const blocked = [...outcomes].filter(([, r]) => r.outcome === "blocked");
    expect(blocked.map(([k]) => k)).toEqual([`demo/${webPod!.name}`]);
    expect(blocked[0]![1].message).toMatch(/disruption budget web-pdb needs \d+ healthy pods and has \d+ currently/);
    expect([...outcomes].filter(([, r]) => r.outcome === "evicted").length).toBe(outcomes.size - 1);
    expect(await prisma.auditEvent.count({ where: { action: "k8s.pod.evict", actorName: "opal" } })).toBe(outcomes.size - 1);
    // The blocked pod still runs; the evicted ones are terminating or gone.
    await expect(kubeJson("drn", ADMIN, { path: `/api/v1/namespaces/demo/pods/${webPod!.name}` })).resolves.toMatchObject({ metadata: { name: webPod!.name } });

    // Relaxing the budget lets the retry through, as kubectl drain's retry loop would.
    await kubeJson("drn", ADMIN, { method: "PATCH", path: "/apis/policy/v1/namespaces/demo/poddisruptionbudgets/web-pdb", contentType: "application/merge-patch+json", body: { spec: { minAvailable: 1 } } });
    expect(await evict("demo", webPod!.name)).toEqual({ outcome: "evicted" });
    expect(await evict("demo", "no-such-pod")).toEqual({ outcome: "gone" });
    const uncordon = await callRoute("POST", `/api/v1/clusters/drn/nodes/${node}/uncordon`, { token: fx.tokens.operator });
    expect(uncordon.status).toBe(200);
  });

  it("refuses evictions and the drain plan to viewers", async () => {
    expect((await callRoute("POST", "/api/v1/clusters/drn/pods/demo/x/evict", { token: fx.tokens.viewer })).status).toBe(403);
    expect((await callRoute("GET", "/api/v1/clusters/drn/nodes/n/drain", { token: fx.tokens.viewer })).status).toBe(403);
  });
});
