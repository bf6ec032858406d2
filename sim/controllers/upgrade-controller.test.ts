import { readFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal } from "../index";
import type { KubeObject } from "../store/kube-types";
import { raw } from "../test/raw-request";
import { waitForStore } from "../test/wait-for-store";
import type { PlanStatus } from "./upgrade-plan";

// system-upgrade-controller in the simulator: dormant (no Plan CRD) until its manifest's
// Deployment runs, then Plans upgrade nodes `concurrency` at a time with cordon, per-node
// Jobs and a kubelet version bump; /version follows the servers; a failing node stops the
// Plan on it.

const FIXTURE = path.join(__dirname, "..", "fixtures", "system-upgrade-controller.yaml");

function plan(name: string, selector: Record<string, unknown>, version: string, concurrency = 1): string {
  return JSON.stringify({ apiVersion: "upgrade.cattle.io/v1", kind: "Plan", metadata: { name, namespace: "system-upgrade" }, spec: { concurrency, cordon: true, nodeSelector: selector, serviceAccountName: "system-upgrade", upgrade: { image: "rancher/k3s-upgrade" }, version } });
}

describe("system-upgrade-controller", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let c: SimClusterInternal;
  const nodes = (): KubeObject[] => c.state.store.list("/nodes");
  const kubelet = (n: KubeObject): string => (n.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion;
  const planStatus = (name: string): PlanStatus => (c.state.store.get("upgrade.cattle.io/plans", "system-upgrade", name)?.status ?? {}) as PlanStatus;
  const complete = (name: string) => planStatus(name).conditions?.find((x) => x.type === "Complete");

  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "up", scenarios: ["k3s-ha"], version: "v1.32.6+k3s1" }], podStartMs: 40 });
    c = sim.clusters[0] as SimClusterInternal;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("serves Plans only once the controller's Deployment runs", async () => {
    expect((await raw(c, "GET", "/apis/upgrade.cattle.io/v1/namespaces/system-upgrade/plans")).status).toBe(404);
    for (const doc of YAML.parseAllDocuments(await readFile(FIXTURE, "utf8"))) {
      const o = doc.toJSON() as KubeObject;
      const base = o.apiVersion === "v1" ? "/api/v1" : `/apis/${o.apiVersion}`;
      const plural = { Namespace: "namespaces", ServiceAccount: "serviceaccounts", ClusterRoleBinding: "clusterrolebindings", ConfigMap: "configmaps", Deployment: "deployments" }[o.kind] ?? "";
      const url = o.metadata.namespace ? `${base}/namespaces/${o.metadata.namespace}/${plural}` : `${base}/${plural}`;
      const r = await raw(c, "POST", url, JSON.stringify(o));
      expect(r.status, r.text).toBe(201);
    }
    await waitForStore(c.state, "Plan CRD", () => c.state.registry.lookup("upgrade.cattle.io", "v1", "plans"));
    expect((await raw(c, "GET", "/apis/upgrade.cattle.io/v1/namespaces/system-upgrade/plans")).status).toBe(200);
  });

  it("upgrades the servers one at a time; /version moves when the last one runs it", async () => {
    const servers = nodes().filter((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] === "true").map((n) => n.metadata.name);
    let maxApplying = 0;
    let maxCordoned = 0;
    const versionsSeen: string[] = [];
    const off = c.state.store.subscribeAll(() => {
      maxApplying = Math.max(maxApplying, planStatus("servers").applying?.length ?? 0);
      maxCordoned = Math.max(maxCordoned, nodes().filter((n) => (n.spec as { unschedulable?: boolean }).unschedulable).length);
      const upgraded = nodes().filter((n) => servers.includes(n.metadata.name) && kubelet(n) === "v1.33.2+k3s1").length;
      versionsSeen.push(`${upgraded}:${c.state.version}`);
    });
    const r = await raw(c, "POST", "/apis/upgrade.cattle.io/v1/namespaces/system-upgrade/plans", plan("servers", { matchLabels: { "node-role.kubernetes.io/control-plane": "true" } }, "v1.33.2+k3s1"));
    expect(r.status, r.text).toBe(201);
    await waitForStore(c.state, "servers plan Complete", () => complete("servers")?.status === "True");
    off();
    const st = planStatus("servers");
    expect(st.latestVersion).toBe("v1.33.2-k3s1");
    expect(st.latestHash).toMatch(/^[0-9a-f]{56}$/);
    expect(st.applying).toBeUndefined();
    expect(maxApplying).toBe(1);
    expect(maxCordoned).toBe(1);
    for (const n of nodes()) {
      const isServer = servers.includes(n.metadata.name);
      expect(kubelet(n), n.metadata.name).toBe(isServer ? "v1.33.2+k3s1" : "v1.32.6+k3s1");
      expect(n.metadata.labels?.["plan.upgrade.cattle.io/servers"]).toBe(isServer ? st.latestHash : undefined);
      expect((n.spec as { unschedulable?: boolean }).unschedulable).toBeUndefined();
    }
    expect(versionsSeen).not.toContain("1:v1.33.2+k3s1");
    expect(versionsSeen).not.toContain("2:v1.33.2+k3s1");
    expect(versionsSeen).toContain("2:v1.32.6+k3s1");
    const v = await raw(c, "GET", "/version");
    expect(v.json).toMatchObject({ gitVersion: "v1.33.2+k3s1", minor: "33" });
    const jobs = c.state.store.list("batch/jobs", "system-upgrade").filter((j) => j.metadata.labels?.["upgrade.cattle.io/plan"] === "servers");
    expect(jobs.map((j) => j.metadata.labels?.["upgrade.cattle.io/node"]).sort()).toEqual([...servers].sort());
    for (const j of jobs) {
      expect(j.metadata.name).toMatch(new RegExp(`^apply-servers-on-${j.metadata.labels?.["upgrade.cattle.io/node"] ?? ""}-with-[0-9a-f]+-[0-9a-f]{5}$`));
      expect(j.metadata.name.length).toBeLessThanOrEqual(63);
    }
  });

  it("a node that fails its upgrade leaves its Job failed and the Plan stuck on it", async () => {
    const agents = nodes().filter((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] === undefined).map((n) => n.metadata.name);
    c.setFaults({ upgradeFailNodes: agents });
    const r = await raw(c, "POST", "/apis/upgrade.cattle.io/v1/namespaces/system-upgrade/plans", plan("agents", { matchExpressions: [{ key: "node-role.kubernetes.io/control-plane", operator: "DoesNotExist" }] }, "v1.33.2+k3s1"));
    expect(r.status, r.text).toBe(201);
    const failed = await waitForStore(c.state, "agents plan JobFailed", () => (complete("agents")?.reason === "JobFailed" ? complete("agents") : undefined));
    const stuck = planStatus("agents").applying ?? [];
    expect(stuck).toHaveLength(1);
    expect(failed.status).toBe("False");
    expect(failed.message).toMatch(new RegExp(`^Job system-upgrade/apply-agents-on-${stuck[0] ?? ""}-with-\\S+ failed on Node ${stuck[0] ?? ""}: BackoffLimitExceeded: Job has reached the specified backoff limit$`));
    for (const n of nodes().filter((x) => agents.includes(x.metadata.name))) {
      expect(kubelet(n)).toBe("v1.32.6+k3s1");
      expect(n.metadata.labels?.["plan.upgrade.cattle.io/agents"]).toBeUndefined();
      expect(Boolean((n.spec as { unschedulable?: boolean }).unschedulable)).toBe(n.metadata.name === stuck[0]);
    }
    c.setFaults({});
    expect((await raw(c, "DELETE", "/apis/upgrade.cattle.io/v1/namespaces/system-upgrade/plans/agents")).status).toBe(200);
    await waitForStore(c.state, "the agents plan's Jobs deleted", () => !c.state.store.list("batch/jobs", "system-upgrade").some((j) => j.metadata.labels?.["upgrade.cattle.io/plan"] === "agents"));
    expect(c.state.store.list("batch/jobs", "system-upgrade").filter((j) => j.metadata.labels?.["upgrade.cattle.io/plan"] === "servers")).toHaveLength(3);
  });
});
