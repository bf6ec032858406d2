// CPU/memory from metrics.k8s.io through the console: the figures equal real `kubectl top`
// against the same simulated cluster in the same metrics window; a cluster whose
// metrics-server is down (503) or absent (404) is a state, never an error.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import type { TResourceUsage } from "@/lib/shared/resource-usage/resource-usage.schema";
import { usageCells, usageKey, usageMap } from "@/lib/shared/resource-usage/usage-columns";
import { kubectl } from "@/sim/test/run-kubectl";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;
const ID = "usage";

describe("resource usage (metrics.k8s.io)", () => {
  let fx: ExplorerFixture;
  let dir: string;
  let kubeconfig: string;
  const usage = async (query: string, token = fx.tokens.viewer) => {
    const res = await callRoute("GET", `/api/v1/clusters/${ID}/usage?${query}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as TResourceUsage;
  };
  /** kubectl top's rows (header dropped), split on blanks. */
  const top = async (args: string[]) => {
    const r = await kubectl(kubeconfig, ["top", ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim().split("\n").slice(1).map((l) => l.trim().split(/\s+/));
  };
  /** Runs `read` between two console reads until both fall in one metrics window. */
  const sameWindow = async <T,>(query: string, read: () => Promise<T>) => {
    for (let i = 0; i < 4; i++) {
      const before = await usage(query);
      const theirs = await read();
      const after = await usage(query);
      const stamp = (u: TResourceUsage) => (u.available ? u.items.map((x) => x.timestamp).sort().join() : "");
      if (stamp(before) === stamp(after)) return { ours: after, theirs };
    }
    throw new Error("metrics windows kept changing");
  };

  beforeAll(async () => {
    fx = await startExplorerFixture(ID);
    dir = await mkdtemp(path.join(os.tmpdir(), "usage-"));
    kubeconfig = path.join(dir, "kubeconfig.yaml");
    await writeFile(kubeconfig, fx.cluster.kubeconfig(), { mode: 0o600 });
    // metrics-server answers once its pod is ready (endpoints), as in a booting k3s.
    await eventually(async () => {
      const u = await usage("resource=pods&namespace=demo");
      return u.available && u.items.length > 0;
    }, 30_000, "metrics of the demo pods");
  });
  afterAll(async () => {
    await fx?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("pods: CPU(cores) and MEMORY(bytes) equal kubectl top pods in the same window", async () => {
    const { ours, theirs } = await sameWindow("resource=pods&namespace=demo", () => top(["pods", "-n", "demo"]));
    expect(ours.available).toBe(true);
    if (!ours.available) throw new Error("metrics unavailable");
    const byKey = usageMap(ours.items);
    expect(theirs.length).toBe(ours.items.length);
    expect(theirs.length).toBeGreaterThan(1);
    for (const [name, cpu, memory] of theirs) {
      expect(usageCells("pods", byKey.get(usageKey("demo", name!)), {}), name).toEqual({ cpu, memory });
    }
    const api = ours.items.find((i) => i.name.startsWith("api-"));
    expect(api?.containers?.length).toBeGreaterThan(0);
    expect(api?.window).toBe("15s");
  });

  it("nodes: CPU, CPU%, memory and memory% of allocatable equal kubectl top nodes", async () => {
    const nodes = await kubeJson<{ items: Array<{ metadata: { name: string }; status?: unknown }> }>(ID, ADMIN, { path: "/api/v1/nodes" });
    const { ours, theirs } = await sameWindow("resource=nodes", () => top(["nodes"]));
    expect(ours.available).toBe(true);
    if (!ours.available) throw new Error("metrics unavailable");
    const byKey = usageMap(ours.items);
    expect(theirs.map((r) => r[0]).sort()).toEqual(nodes.items.map((n) => n.metadata.name).sort());
    for (const [name, cpu, cpuPercent, memory, memoryPercent] of theirs) {
      const node = nodes.items.find((n) => n.metadata.name === name)!;
      expect(usageCells("nodes", byKey.get(name!), node), name).toEqual({ cpu, cpuPercent, memory, memoryPercent });
    }
  });

  it("refuses a bad query with 4xx and an unknown cluster with 404", async () => {
    const bad = await callRoute("GET", `/api/v1/clusters/${ID}/usage?resource=secrets`, { token: fx.tokens.viewer });
    expect(bad.status).toBe(422);
    const badNs = await callRoute("GET", `/api/v1/clusters/${ID}/usage?resource=pods&namespace=Not_A_Namespace`, { token: fx.tokens.viewer });
    expect(badNs.status).toBe(422);
    expect((await callRoute("GET", "/api/v1/clusters/nope/usage?resource=pods", { token: fx.tokens.viewer })).status).toBe(404);
    expect((await callRoute("GET", `/api/v1/clusters/${ID}/usage?resource=pods`)).status).toBe(401);
  });

  it("metrics-server without a ready backend is backend_unavailable (503); without its APIService not_installed (404)", async () => {
    await kubeJson(ID, ADMIN, { method: "PATCH", path: "/apis/apps/v1/namespaces/kube-system/deployments/metrics-server", contentType: "application/merge-patch+json", body: { spec: { replicas: 0 } } });
    const down = await eventually(async () => {
      const u = await usage("resource=nodes");
      return u.available ? undefined : u;
    }, 20_000, "metrics-server down");
    expect(down).toMatchObject({ available: false, reason: "backend_unavailable" });
    await kubeJson(ID, ADMIN, { method: "DELETE", path: "/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io" });
    expect(await usage("resource=pods&namespace=demo")).toMatchObject({ available: false, reason: "not_installed" });
  });
});
