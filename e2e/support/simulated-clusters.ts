import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";
import { startSimulator, type Simulator } from "../../sim";
import type { TCluster, TCreateCluster } from "../../lib/shared/clusters/clusters.schema";
import { ROOT } from "./console-process";

const run = promisify(execFile);
export const AGENT_BUNDLE = path.join(ROOT, "agent/dist/outpost-agent.js");

export interface SimulatedFleet {
  sim: Simulator;
  kubeconfigDir: string;
  stop(): Promise<void>;
}

/**
 * Starts simulated k3s clusters whose kubelets run the REAL agent bundle for pods using
 * the agent image. One per test file: the agents it starts die with it.
 */
export async function startSimulatedFleet(clusters: Array<{ name: string; scenarios?: string[] }>): Promise<SimulatedFleet> {
  if (!fs.existsSync(AGENT_BUNDLE)) throw new Error(`${AGENT_BUNDLE} is missing: run npm run build:agent`);
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-e2e-kube-"));
  const sim = await startSimulator({
    clusters: clusters.map((c) => ({ name: c.name, scenarios: c.scenarios ?? ["k3s"] })),
    port: 0,
    kubeconfigDir,
    agentCommand: [process.execPath, AGENT_BUNDLE],
    crashLoopBaseMs: 1_000,
  });
  return {
    sim,
    kubeconfigDir,
    stop: async () => {
      await sim.stop();
      fs.rmSync(kubeconfigDir, { recursive: true, force: true });
    },
  };
}

export function kubeconfigOf(fleet: SimulatedFleet, simName: string): string {
  const cluster = fleet.sim.clusters.find((c) => c.name === simName);
  if (!cluster?.kubeconfigPath) throw new Error(`no kubeconfig for simulated cluster ${simName}`);
  return cluster.kubeconfigPath;
}

/** Runs an import command the way an admin would: in a shell, with KUBECONFIG of the cluster. */
export async function runImportCommand(command: string, kubeconfig: string): Promise<string> {
  const { stdout } = await run("bash", ["-o", "pipefail", "-c", command], { env: { ...process.env, KUBECONFIG: kubeconfig }, timeout: 60_000 });
  return stdout;
}

/**
 * Waits (polling the API, bounded) until the cluster reaches `state` — for "active", also
 * with its tunnel up (right after a console restart a cluster is still Active from before).
 */
export async function waitForClusterState(request: APIRequestContext, clusterId: string, state: TCluster["state"], timeoutMs = 20_000): Promise<TCluster> {
  let last: TCluster | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/v1/clusters/${clusterId}`);
        last = (await res.json()) as TCluster;
        return state === "active" && !last.connected ? "active, tunnel down" : last.state;
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe(state);
  return last!;
}

/**
 * Registers a cluster through the API and imports a simulated one through the real flow
 * (curl | kubectl apply → the agent enrols and dials back). Resolves once it is Active.
 */
export async function connectSimCluster(
  request: APIRequestContext,
  fleet: SimulatedFleet,
  simName: string,
  body: Partial<TCreateCluster> = {},
): Promise<TCluster> {
  const res = await request.post("/api/v1/clusters", { data: { name: simName, ...body } });
  expect(res.status(), await res.text()).toBe(201);
  const cluster = (await res.json()) as TCluster;
  const command = cluster.importCommands?.curlInsecure ?? cluster.importCommands?.kubectl;
  if (!command) throw new Error("the console returned no import command");
  await runImportCommand(command, kubeconfigOf(fleet, simName));
  return waitForClusterState(request, cluster.id, "active");
}
