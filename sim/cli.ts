// CLI: npm run sim -- --clusters N --scenario k3s,edgex --port 6443 --kubeconfig-dir DIR
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZClusterFaultsSchema } from "./admin/serve-admin";
import { startSimulator } from "./index";
import type { ClusterFaults } from "./types";

const HELP = `outpost k3s fleet simulator

  --clusters N            number of clusters (default 1)
  --scenario LIST         comma list: k3s, k3s-ha, kubeedge, edgex, demo (default k3s)
  --port P                cluster i listens on P+i (default 0: ephemeral ports)
  --admin-port P          loopback admin endpoint port (default 0: ephemeral)
  --kubeconfig-dir DIR    write one kubeconfig per cluster (default ./.outpost/sim)
  --name-prefix S         cluster name prefix (default sim-)
  --pods-per-cluster N    extra nginx pods per cluster in namespace demo
  --agent-image REPO      image repository that runs the agent for real (default outpost/agent)
  --agent-command CMD     command (space-separated) run for agent containers
  --crashloop-base-ms MS  CrashLoopBackOff base delay (default 10000)
  --faults JSON           faults for every cluster, e.g. '{"latencyMs":200}'
  --seed N                seed for generated data (default 1)
  --agents N              agent nodes per cluster (default 2; 0 = single-node k3s)
  --lease-renew-ms MS     node lease renewal interval (default 10000)
  --shared-certs          one CA and certificate for all clusters (fast start of thousands; benchmarks)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clusters: { type: "string", default: "1" },
      scenario: { type: "string", default: "k3s" },
      port: { type: "string", default: "0" },
      "admin-port": { type: "string", default: "0" },
      "kubeconfig-dir": { type: "string", default: ".outpost/sim" },
      "name-prefix": { type: "string", default: "sim-" },
      "pods-per-cluster": { type: "string", default: "0" },
      "agent-image": { type: "string" },
      "agent-command": { type: "string" },
      "crashloop-base-ms": { type: "string" },
      faults: { type: "string" },
      seed: { type: "string", default: "1" },
      agents: { type: "string" },
      "lease-renew-ms": { type: "string" },
      "shared-certs": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const n = Number(values.clusters);
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error("--clusters must be 1..5000");
  if (values.agents !== undefined && !/^(10|[0-9])$/.test(values.agents)) throw new Error("--agents must be 0..10");
  if (values["lease-renew-ms"] !== undefined && !(Number(values["lease-renew-ms"]) >= 1000)) throw new Error("--lease-renew-ms must be at least 1000");
  let faults: ClusterFaults | undefined;
  if (values.faults) faults = ZClusterFaultsSchema.parse(JSON.parse(values.faults));
  const scenarios = values.scenario.split(",").map((s) => s.trim()).filter(Boolean);
  const extraPods = Number(values["pods-per-cluster"]);
  const started = Date.now();
  const sim = await startSimulator({
    clusters: extraPods > 0
      ? Array.from({ length: n }, (_, i) => ({ name: `${values["name-prefix"]}${String(i + 1).padStart(Math.max(2, String(n).length), "0")}`, scenarios, extraPods, faults }))
      : n,
    namePrefix: values["name-prefix"],
    scenarios,
    faults,
    port: Number(values.port),
    adminPort: Number(values["admin-port"]),
    kubeconfigDir: values["kubeconfig-dir"],
    agentImage: values["agent-image"],
    // Relative paths in the command are relative to where the CLI was started (agent
    // processes run with their pod directory as working directory).
    agentCommand: values["agent-command"]?.split(" ").filter(Boolean).map((a) => (existsSync(a) ? path.resolve(a) : a)),
    crashLoopBaseMs: values["crashloop-base-ms"] ? Number(values["crashloop-base-ms"]) : undefined,
    seed: Number(values.seed),
    agents: values.agents !== undefined ? Number(values.agents) : undefined,
    leaseRenewMs: values["lease-renew-ms"] !== undefined ? Number(values["lease-renew-ms"]) : undefined,
    sharedCerts: values["shared-certs"],
  });
  for (const c of sim.clusters) process.stdout.write(`${c.name}\t${c.server}\t${c.kubeconfigPath ?? ""}\n`);
  process.stdout.write(`admin: ${sim.adminUrl}\nready: ${sim.clusters.length} cluster(s) in ${Date.now() - started} ms (Ctrl-C to stop)\n`);
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("stopping…\n");
    sim.stop().then(() => process.exit(0), (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(`sim: ${(err as Error).message}`);
  process.exit(1);
});
