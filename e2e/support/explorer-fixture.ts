import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { startSimulator } from "../../sim";
import type { TCluster } from "../../lib/shared/clusters/clusters.schema";
import { AGENT_BUNDLE, connectSimCluster, type SimulatedFleet } from "./simulated-clusters";

/**
 * A simulated k3s + demo cluster for the explorer journeys, imported through the real flow
 * (connectSimCluster). The kubelet is slowed to 2.5 s per pod phase so a deleted pod stays
 * Terminating long enough for a person — and the journey — to see it.
 */
export async function startExplorerCluster(request: APIRequestContext, name: string): Promise<{ fleet: SimulatedFleet; cluster: TCluster }> {
  if (!fs.existsSync(AGENT_BUNDLE)) throw new Error(`${AGENT_BUNDLE} is missing: run npm run build:agent`);
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-e2e-explorer-"));
  const sim = await startSimulator({
    clusters: [{ name, scenarios: ["k3s", "demo"] }],
    port: 0,
    kubeconfigDir,
    agentCommand: [process.execPath, AGENT_BUNDLE],
    crashLoopBaseMs: 1_000,
    podStartMs: 2_500,
  });
  const fleet: SimulatedFleet = {
    sim,
    kubeconfigDir,
    stop: async () => {
      await sim.stop();
      fs.rmSync(kubeconfigDir, { recursive: true, force: true });
    },
  };
  try {
    const cluster = await connectSimCluster(request, fleet, name);
    return { fleet, cluster };
  } catch (error) {
    await fleet.stop();
    throw error;
  }
}
