// Shared set-up of the explorer integration tests: one simulated cluster (k3s + demo)
// attached through a real tunnel and the agent's proxy, a Cluster row, and one signed-in
// user per role.
import { prisma } from "@/lib/server/db/prisma";
import { configureWatchHub } from "@/lib/server/explorer/watch-hub";
import { startSimulator, type SimCluster, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { apiToken, login, seedUser } from "../helpers/users";

export interface ExplorerFixture {
  sim: Simulator;
  cluster: SimCluster;
  attached: AttachedCluster;
  clusterId: string;
  cookies: { admin: string; operator: string; viewer: string };
  tokens: { admin: string; operator: string; viewer: string };
  stop(): Promise<void>;
}

/** Starts the simulator, attaches its cluster as `clusterId`, seeds ada/opal/vic (admin/operator/viewer). */
export async function startExplorerFixture(clusterId: string, opts: { extraPods?: number; historySize?: number } = {}): Promise<ExplorerFixture> {
  configureWatchHub({ lingerMs: 0 });
  const sim = await startSimulator({ clusters: [{ name: clusterId, scenarios: ["k3s", "demo"], extraPods: opts.extraPods }], podStartMs: 50, crashLoopBaseMs: 500, historySize: opts.historySize });
  const cluster = sim.clusters[0]!;
  await prisma.cluster.create({ data: { id: clusterId, name: clusterId, displayName: `Cluster ${clusterId}` } });
  const attached = await attachSimCluster(clusterId, { server: cluster.server, caPem: cluster.caPem, token: cluster.token });
  await seedUser("ada", "admin");
  await seedUser("opal", "operator");
  await seedUser("vic", "viewer");
  const cookies = { admin: await login("ada"), operator: await login("opal"), viewer: await login("vic") };
  const tokens = { admin: await apiToken(cookies.admin), operator: await apiToken(cookies.operator), viewer: await apiToken(cookies.viewer) };
  return {
    sim,
    cluster,
    attached,
    clusterId,
    cookies,
    tokens,
    stop: async () => {
      await attached.detach();
      await sim.stop();
    },
  };
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
