// Shared set-up of the EdgeX / KubeEdge integration tests: one simulated cluster with the
// given scenarios attached through a real tunnel and the agent's proxy, a Cluster row, and
// one signed-in user per role (API tokens).
import { prisma } from "@/lib/server/db/prisma";
import { startSimulator, type SimCluster, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { callRoute, type CallOptions } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";

export interface EdgeFixture {
  sim: Simulator;
  cluster: SimCluster;
  attached: AttachedCluster;
  clusterId: string;
  tokens: { admin: string; operator: string; viewer: string };
  /** GET a console route as `role`, parsed. */
  get<T>(path: string, role?: "admin" | "operator" | "viewer"): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/**
 * Starts the simulator with `scenarios`, attaches its cluster as `clusterId`, seeds ada/opal/vic.
 * Tests that do not test deadlines get a generous EdgeX deadline (a loaded CI machine must
 * not turn a healthy service "slow"); the fault test sets its own.
 */
export async function startEdgeFixture(clusterId: string, scenarios: string[]): Promise<EdgeFixture> {
  process.env.OUTPOST_EDGEX_TIMEOUT_MS ??= "20000";
  const sim = await startSimulator({ clusters: [{ name: clusterId, scenarios }], podStartMs: 50 });
  const cluster = sim.clusters[0]!;
  await prisma.cluster.create({ data: { id: clusterId, name: clusterId, displayName: `Cluster ${clusterId}` } });
  const attached = await attachSimCluster(clusterId, { server: cluster.server, caPem: cluster.caPem, token: cluster.token });
  await seedUser("ada", "admin");
  await seedUser("opal", "operator");
  await seedUser("vic", "viewer");
  const tokens = { admin: await apiToken(await login("ada")), operator: await apiToken(await login("opal")), viewer: await apiToken(await login("vic")) };
  return {
    sim,
    cluster,
    attached,
    clusterId,
    tokens,
    get: async <T,>(path: string, role: "admin" | "operator" | "viewer" = "viewer") => {
      const res = await callRoute("GET", path, { token: tokens[role] } satisfies CallOptions);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    stop: async () => {
      await attached.detach();
      await sim.stop();
    },
  };
}
