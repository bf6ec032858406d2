// `npm run demo`: the console plus three simulated k3s clusters, imported through the real
// flow (registration token → curl | kubectl apply → the real agent enrols and dials back).
//   factory-berlin   k3s (single server) with a few broken workloads
//   windpark-north   k3s-ha (3 servers) + EdgeX Foundry
//   rail-depot-lyon  k3s + KubeEdge edge nodes and devices
// Data lives in .outpost-demo/ (wiped at every run, only if the demo created it). Ctrl-C
// stops everything.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startConsole } from "../server";
import { startSimulator } from "../sim";
import { buildAgentIfNeeded, buildUiIfNeeded } from "./build-if-needed";
import { prepareDemoDataDir } from "./demo-data-dir";

const run = promisify(execFile);
const root = path.join(__dirname, "..");
const PASSWORD = process.env.OUTPOST_BOOTSTRAP_PASSWORD ?? "outpost-demo-admin";
// Coordinates (labels topology.outpost.io/latitude|longitude) place each site on the fleet wall's site map.
const at = (latitude: string, longitude: string) => ({ "topology.outpost.io/latitude": latitude, "topology.outpost.io/longitude": longitude });
const CLUSTERS = [
  { name: "factory-berlin", scenarios: ["k3s", "demo", "hardware"], region: "eu-central", site: "berlin", labels: { env: "prod", tier: "factory", ...at("52.52N", "13.405E") } },
  { name: "windpark-north", scenarios: ["k3s-ha", "edgex"], region: "eu-north", site: "north-sea", labels: { env: "prod", tier: "energy", ...at("54.6N", "6.3E") } },
  { name: "rail-depot-lyon", scenarios: ["k3s", "kubeedge"], region: "eu-west", site: "lyon", labels: { env: "staging", tier: "rail", ...at("45.764N", "4.836E") } },
];

async function main(): Promise<void> {
  buildUiIfNeeded();
  buildAgentIfNeeded();
  const dataDir = path.resolve(process.env.OUTPOST_DATA_DIR ?? path.join(root, ".outpost-demo"));
  prepareDemoDataDir(dataDir);
  process.env.OUTPOST_DATA_DIR = dataDir;
  process.env.OUTPOST_BOOTSTRAP_PASSWORD = PASSWORD;
  const consoleHandle = await startConsole();

  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-demo-kube-"));
  const sim = await startSimulator({
    clusters: CLUSTERS.map((c) => ({ name: c.name, scenarios: c.scenarios })),
    port: 0,
    kubeconfigDir,
    agentCommand: [process.execPath, path.join(root, "agent/dist/outpost-agent.js")],
  });
  // Loaded after startConsole: the console's runtime context and database are ready then.
  const { createCluster } = await import("../lib/server/clusters/create-cluster");
  const { SYSTEM_ACTOR } = await import("../lib/server/audit/record-audit-event");
  for (const spec of CLUSTERS) {
    const cluster = await createCluster({ name: spec.name, region: spec.region, site: spec.site, labels: spec.labels }, SYSTEM_ACTOR);
    const command = cluster.importCommands?.curlInsecure ?? cluster.importCommands!.kubectl;
    const kubeconfig = sim.clusters.find((c) => c.name === spec.name)!.kubeconfigPath!;
    await run("bash", ["-o", "pipefail", "-c", command], { env: { ...process.env, KUBECONFIG: kubeconfig } });
    console.log(`  imported ${spec.name} (${spec.scenarios.join(", ")}) — kubectl: KUBECONFIG=${kubeconfig}`);
  }
  console.log(`\n  Demo ready: ${consoleHandle.url}/  —  username: admin  password: ${PASSWORD}\n  Clusters turn Active within seconds. Ctrl-C stops the demo.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    await sim.stop();
    await consoleHandle.close("demo stopped");
    fs.rmSync(kubeconfigDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
