import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { configureWatchHub } from "@/lib/server/explorer/watch-hub";
import type { TClusterOverview, TKubeList } from "@/lib/shared/explorer/explorer.schema";
import { startSimulator, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";

// A list whose first read failed because the cluster had no tunnel yet (a page opened
// while the cluster was Pending) must not keep failing once the cluster answers: the
// informer waits out a backoff, and the next read retries it at once.
describe("an informer that failed before the agent connected", () => {
  let sim: Simulator;
  let attached: AttachedCluster | undefined;
  let token: string;

  beforeAll(async () => {
    // A failed informer would wait a minute before it lists again, and lingers meanwhile.
    configureWatchHub({ lingerMs: 60_000, backoffMs: 60_000 });
    sim = await startSimulator({ clusters: [{ name: "revive", scenarios: ["k3s"] }], podStartMs: 50 });
    await prisma.cluster.create({ data: { id: "revive", name: "revive", displayName: "Cluster revive" } });
    await seedUser("ada", "admin");
    token = await apiToken(await login("ada"));
  });
  afterAll(async () => {
    configureWatchHub({ lingerMs: 5_000, readLingerMs: 30_000 });
    await attached?.detach();
    await sim?.stop();
  });

  it("lists the nodes and counts them in the overview as soon as the cluster is reachable", async () => {
    const before = (await (await callRoute("GET", "/api/v1/clusters/revive/nodes", { token })).json()) as TKubeList;
    expect(before.items).toEqual([]);
    expect(before.error?.code).toBe("unavailable");

    const cluster = sim.clusters[0]!;
    attached = await attachSimCluster("revive", { server: cluster.server, caPem: cluster.caPem, token: cluster.token });

    const started = Date.now();
    const after = (await (await callRoute("GET", "/api/v1/clusters/revive/nodes", { token })).json()) as TKubeList;
    expect(after.error).toBeNull();
    expect(after.items.map((i) => i.name).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    const overview = (await (await callRoute("GET", "/api/v1/clusters/revive/overview", { token })).json()) as TClusterOverview;
    expect(overview.nodes).toEqual({ ready: after.items.length, total: after.items.length });
  });
});
