import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/sim";
import { kubectl } from "@/sim/test/run-kubectl";
import { prisma } from "@/lib/server/db/prisma";
import { configureWatchHub, subscribeToList, upstreamWatchesOf, watchHubStats } from "@/lib/server/explorer/watch-hub";
import { FleetCollector } from "@/lib/server/fleet/fleet-collector";
import { getFleetInventory as readInventory } from "@/lib/server/inventory/get-fleet-inventory";
import type { TWatchMessage } from "@/lib/shared/explorer/explorer.schema";
import { ZInventoryQuerySchema, type TInventoryNode } from "@/lib/shared/inventory/inventory.schema";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";
import { TEST_FLEET_CONFIG, until } from "./fleet-helpers";

/** The inventory as the API reads it for a query string's values. */
const getFleetInventory = (query: Record<string, string>) => readInventory(ZInventoryQuerySchema.parse(query));

/** `kubectl describe node` sections: "Key:  value" lines and the Capacity block. */
function describeFacts(text: string): { fields: Record<string, string>; capacity: Record<string, string>; taints: string } {
  const fields: Record<string, string> = {};
  const capacity: Record<string, string> = {};
  let block = "";
  for (const line of text.split("\n")) {
    const top = /^([A-Z][\w ]*?):\s*(.*)$/.exec(line);
    if (top) {
      block = top[1]!;
      fields[block] = top[2]!.trim();
      continue;
    }
    const nested = /^\s+([\w./-]+(?: [\w./-]+)*):\s+(\S.*)$/.exec(line);
    if (!nested) continue;
    if (block === "Capacity") capacity[nested[1]!] = nested[2]!.trim();
    else fields[nested[1]!] = nested[2]!.trim();
  }
  return { fields, capacity, taints: fields.Taints ?? "" };
}

describe("fleet hardware inventory, from the collector's snapshots", () => {
  let sim: Simulator;
  const attached: AttachedCluster[] = [];
  let collector: FleetCollector;
  let cookie: string;
  const ids = ["inv-a", "inv-b"];

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    sim = await startSimulator({
      clusters: [
        { name: "inv-a", scenarios: ["k3s", "hardware"] },
        { name: "inv-b", scenarios: ["k3s"] },
      ],
      podStartMs: 50,
    });
    for (const [i, c] of sim.clusters.entries()) {
      await prisma.cluster.create({ data: { id: ids[i]!, name: c.name, displayName: c.name, state: "active", lastSeenAt: new Date() } });
      attached.push(await attachSimCluster(ids[i]!, { server: c.server, caPem: c.caPem, token: c.token }));
    }
    await seedUser("vic", "viewer");
    cookie = await login("vic");
    collector = new FleetCollector(TEST_FLEET_CONFIG);
    await until(async () => (await collector.runPass()).fresh === 2 && (await prisma.fleetNode.count()) > 0, 20_000, "both clusters collected");
  });

  afterAll(async () => {
    await collector?.stop();
    for (const a of attached) await a.detach();
    await sim?.stop();
  });

  it("stores each node's hardware as `kubectl get nodes -o wide` and `kubectl describe node` show it", async () => {
    const inventory = await getFleetInventory({});
    for (const [i, c] of sim.clusters.entries()) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-inv-"));
      const kubeconfig = path.join(dir, "kubeconfig");
      fs.writeFileSync(kubeconfig, c.kubeconfig(), { mode: 0o600 });
      const wide = await kubectl(kubeconfig, ["get", "nodes", "-o", "wide", "--no-headers"]);
      expect(wide.code, wide.stderr).toBe(0);
      const lines = wide.stdout.trim().split("\n");
      const rows = inventory.nodes.filter((n) => n.clusterId === ids[i]);
      expect(rows.map((r) => r.name).sort()).toEqual(lines.map((l) => l.split(/\s+/)[0]).sort());
      for (const line of lines) {
        // NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME
        const [name, status, roles, , version, , , osImage, kernel, runtime] = line.trim().split(/\s{2,}/);
        const row = rows.find((r) => r.name === name)!;
        expect(row, name).toBeDefined();
        expect({ ready: row.ready, roles: row.roles.join(","), version: row.kubeletVersion, osImage: row.osImage, kernel: row.kernelVersion, runtime: row.containerRuntime }).toEqual({
          ready: status!.startsWith("Ready"),
          roles: roles === "<none>" ? "agent" : roles,
          version,
          osImage,
          kernel,
          runtime,
        });
        const described = await kubectl(kubeconfig, ["describe", "node", name!]);
        expect(described.code, described.stderr).toBe(0);
        const facts = describeFacts(described.stdout);
        expect(row.architecture).toBe(facts.fields.Architecture);
        expect(row.operatingSystem).toBe(facts.fields["Operating System"]);
        expect(row.cpuCapacity).toBe(facts.capacity.cpu);
        expect(row.memoryCapacity).toBe(facts.capacity.memory);
        const extended = Object.fromEntries(Object.entries(facts.capacity).filter(([k, v]) => !["cpu", "memory", "pods", "ephemeral-storage"].includes(k) && v !== "0"));
        expect(row.extended).toEqual(extended);
        expect(row.taints.length === 0 ? "<none>" : row.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`).join(" ")).toBe(facts.taints.split(/\s+/).join(" "));
      }
    }
  });

  it("counts the fleet by architecture, accelerator and real-time kernel, and filters", async () => {
    const all = await getFleetInventory({});
    const arch = Object.fromEntries(all.counts.arch.map((c) => [c.value, c.nodes]));
    expect(arch.arm64).toBe(2);
    expect(arch.riscv64).toBe(1);
    expect(arch.amd64).toBeGreaterThanOrEqual(2);
    expect(all.totals).toMatchObject({ clusters: 2, accelerators: 1, realtime: 1 });
    expect(all.counts.resource).toEqual([{ value: "nvidia.com/gpu", nodes: 1, clusters: 1 }]);
    const gpu = await getFleetInventory({ gpu: "1" });
    expect(gpu.nodes.map((n: TInventoryNode) => n.name)).toEqual(["inv-a-jetson-orin-1"]);
    const rt = await getFleetInventory({ rt: "1" });
    expect(rt.nodes.map((n) => n.kernelVersion)).toEqual(["6.1.0-28-rt-amd64"]);
    const arm = await getFleetInventory({ arch: "arm64", q: "RPI" });
    expect(arm.nodes.map((n) => n.name)).toEqual(["inv-a-rpi5-1"]);
  });

  it("answers the API and the CSV with the same filters; bad filters are a 422", async () => {
    const res = await callRoute("GET", "/api/v1/fleet/inventory?arch=riscv64", { cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { nodes: TInventoryNode[]; totals: { nodes: number } };
    expect(body.totals.nodes).toBe(1);
    const csv = await callRoute("GET", "/api/v1/fleet/inventory/csv?arch=riscv64", { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("inv-a-visionfive2-1");
    expect(lines[1]).toContain("riscv64");
    expect((await callRoute("GET", "/api/v1/fleet/inventory?gpu=yes", { cookie })).status).toBe(422);
    expect((await callRoute("GET", "/api/v1/fleet/inventory")).status).toBe(401);
  });

  it("shares the explorer's informer: a pods page and the collector make one upstream pod watch", async () => {
    expect(upstreamWatchesOf("inv-a", "pods")).toBe(1);
    const informersBefore = watchHubStats().informers;
    const messages: TWatchMessage[] = [];
    // The key stream-resource-watch uses for a viewer of all namespaces' pods.
    const unsubscribe = await subscribeToList({ clusterId: "inv-a", resource: "pods", namespace: "", labelSelector: "", identity: null }, (m) => messages.push(m));
    try {
      expect(messages.some((m) => m.type === "snapshot" && m.items.length > 0)).toBe(true);
      expect(watchHubStats().informers).toBe(informersBefore);
      expect(upstreamWatchesOf("inv-a", "pods")).toBe(1);
    } finally {
      unsubscribe();
    }
    expect(upstreamWatchesOf("inv-a", "pods")).toBe(1);
  });

  it("keeps the last-known hardware of a cluster that stops being collected", async () => {
    const before = (await getFleetInventory({ q: "inv-b" })).nodes.length;
    expect(before).toBeGreaterThan(0);
    await prisma.cluster.update({ where: { id: "inv-b" }, data: { state: "unavailable", stateSince: new Date() } });
    expect((await collector.runPass()).active).toBe(1);
    expect((await getFleetInventory({ q: "inv-b" })).nodes.length).toBe(before);
  });
});
