import type https from "node:https";
import { createClusterCerts } from "../certs/create-cluster-certs";
import { startControllers } from "../controllers/start-controllers";
import { applyNodeReadiness, startNodeHeartbeats } from "../kubelet/node-heartbeats";
import { startKubelet } from "../kubelet/run-kubelet";
import { startClusterRoleAggregation } from "../rbac/aggregate-cluster-roles";
import { seedBootstrapPolicy } from "../rbac/seed-bootstrap-policy";
import { scenarioDemo } from "../scenarios/scenario-demo";
import { scenarioEdgex } from "../scenarios/scenario-edgex";
import { scenarioK3s, scenarioK3sHa } from "../scenarios/scenario-k3s";
import { scenarioKubeedge } from "../scenarios/scenario-kubeedge";
import { scenarioHardware } from "../scenarios/scenario-hardware";
import type { ClusterSpec } from "../types";
import { ClusterState, type SimRuntime } from "./cluster-state";
import { serveCluster } from "./serve-cluster";

export const SCENARIOS = ["k3s", "k3s-ha", "kubeedge", "edgex", "demo", "hardware"];
const DAY = 24 * 3600_000;

/** Builds, populates and serves one simulated cluster. */
export async function createCluster(spec: ClusterSpec, index: number, rt: SimRuntime, port: number, historySize: number): Promise<{ state: ClusterState; server: https.Server }> {
  const scenarios = spec.scenarios?.length ? spec.scenarios : ["k3s"];
  for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario "${s}" (known: ${SCENARIOS.join(", ")})`);
  const version = spec.version ?? "v1.31.4+k3s1";
  if (!/^v1\.(2[7-9]|3[0-3])\.\d+/.test(version)) throw new Error(`version ${version}: kubectl's dispatcher needs 1.27–1.33`);
  const certs = rt.sharedCerts ? await rt.sharedCerts : await createClusterCerts(spec.name);
  const state = new ClusterState(spec.name, version, certs, rt, historySize, index);
  state.faults = { ...spec.faults };
  startControllers(state);
  startClusterRoleAggregation(state);
  startKubelet(state);
  // Populate as if the cluster had been running for days: objects are born in the past
  // and the kubelet puts pods straight into their steady state.
  const ageMs = (3 + ((rt.seed + index * 7919) % 37)) * DAY;
  state.bootstrapping = true;
  state.bootClockMs = Date.now() - ageMs;
  try {
    seedBootstrapPolicy(state);
    if (scenarios.includes("k3s-ha")) scenarioK3sHa(state, spec.agents ?? 2);
    else scenarioK3s(state, spec.agents ?? 2);
    if (scenarios.includes("kubeedge")) scenarioKubeedge(state);
    if (scenarios.includes("hardware")) scenarioHardware(state);
    if (scenarios.includes("demo") || (spec.extraPods ?? 0) > 0) scenarioDemo(state, spec.extraPods ?? 0);
    if (scenarios.includes("edgex")) await scenarioEdgex(state);
    state.drain();
  } finally {
    state.bootstrapping = false;
    state.bootClockMs = undefined;
  }
  const server = await serveCluster(state, port);
  startNodeHeartbeats(state);
  if (state.faults.nodeNotReady?.length) applyNodeReadiness(state);
  return { state, server };
}
