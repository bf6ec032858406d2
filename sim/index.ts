// Programmatic entry of the k3s fleet simulator (for tests, e2e and benchmarks).
import type http from "node:http";
import type https from "node:https";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serveAdmin } from "./admin/serve-admin";
import { applyFaults } from "./cluster/apply-faults";
import type { ClusterState, SimRuntime } from "./cluster/cluster-state";
import { createClusterCerts } from "./certs/create-cluster-certs";
import { createCluster } from "./cluster/create-cluster";
import { renderKubeconfig } from "./cluster/render-kubeconfig";
import { TimerHeap } from "./store/timer-heap";
import type { ClusterSpec, SimCluster, Simulator, SimulatorOptions } from "./types";

export type { AuditEntry, ClusterFaults, ClusterSpec, SimCluster, Simulator, SimulatorOptions } from "./types";
export type { EdgexFaults, SimHttpRequest, SimHttpResponse, SimService } from "./edgex-contract";

/** Internal handle to a cluster's state (tests of the simulator itself). */
export interface SimClusterInternal extends SimCluster {
  state: ClusterState;
}

const REPO_ROOT = path.resolve(__dirname, "..");

function specsOf(opts: SimulatorOptions): ClusterSpec[] {
  if (Array.isArray(opts.clusters)) return opts.clusters;
  const prefix = opts.namePrefix ?? "sim-";
  const width = String(opts.clusters).length;
  return Array.from({ length: opts.clusters }, (_, i) => ({ name: `${prefix}${String(i + 1).padStart(Math.max(2, width), "0")}`, scenarios: opts.scenarios, faults: opts.faults, agents: opts.agents }));
}

/**
 * Starts simulated k3s clusters, each with its own CA and HTTPS port on 127.0.0.1, plus the
 * loopback admin endpoint. Resolves when every cluster answers.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator & { clusters: SimClusterInternal[] }> {
  const timers = new TimerHeap();
  const podDirRoot = await mkdtemp(path.join(os.tmpdir(), "outpost-sim-pods-"));
  const rt: SimRuntime = {
    timers,
    agentImage: opts.agentImage ?? "outpost/agent",
    agentCommand: opts.agentCommand ?? ["node", path.join(REPO_ROOT, "agent/dist/outpost-agent.js")],
    crashLoopBaseMs: opts.crashLoopBaseMs ?? 10_000,
    podStartMs: opts.podStartMs ?? 300,
    leaseRenewMs: opts.leaseRenewMs ?? 10_000,
    seed: opts.seed ?? 1,
    podDirRoot,
    rbac: opts.rbac ?? true,
    sharedCerts: opts.sharedCerts ? createClusterCerts("shared") : undefined,
  };
  const specs = specsOf(opts);
  const names = new Set<string>();
  for (const s of specs) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s.name) || names.has(s.name)) throw new Error(`invalid or duplicate cluster name "${s.name}"`);
    names.add(s.name);
  }
  if (opts.kubeconfigDir) await mkdir(opts.kubeconfigDir, { recursive: true });
  const clusters: SimClusterInternal[] = [];
  const servers: https.Server[] = [];
  let admin: http.Server | undefined;
  const stop = async (): Promise<void> => {
    admin?.close();
    admin?.closeAllConnections();
    await Promise.all(clusters.map(async (c) => {
      c.state.markStopped();
      for (const h of c.state.stopHooks) await h();
    }));
    timers.stop();
    await rm(podDirRoot, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    const basePort = opts.port ?? 0;
    const concurrency = 16;
    for (let i = 0; i < specs.length; i += concurrency) {
      const batch = specs.slice(i, i + concurrency);
      const made = await Promise.all(batch.map((s, j) => createCluster(s, i + j, rt, basePort ? basePort + i + j : 0, opts.historySize ?? 256)));
      for (const { state, server } of made) {
        servers.push(server);
        const serverUrl = `https://127.0.0.1:${state.port}`;
        const c: SimClusterInternal = {
          name: state.name,
          server: serverUrl,
          port: state.port,
          caPem: state.certs.caPem,
          token: state.adminToken,
          state,
          kubeconfig: () => renderKubeconfig(state.name, serverUrl, state.certs.caPem, state.adminToken),
          setFaults: (f) => applyFaults(state, server, f),
          faults: () => ({ ...state.faults }),
          audit: () => [...state.auditLog],
        };
        if (opts.kubeconfigDir) {
          c.kubeconfigPath = path.join(opts.kubeconfigDir, `${state.name}.yaml`);
          await writeFile(c.kubeconfigPath, c.kubeconfig(), { mode: 0o600 });
        }
        clusters.push(c);
      }
    }
    admin = await serveAdmin(clusters, opts.adminPort ?? 0);
  } catch (err) {
    await stop();
    throw err;
  }
  const addr = admin.address();
  const adminUrl = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return { clusters, adminUrl, stop };
}
