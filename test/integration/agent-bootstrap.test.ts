// Acceptance of the default import on a stock k3s: the manifest runs the agent on the public
// Node.js image with the bootstrap; the simulator's kubelet runs that exact bootstrap with
// node, which checks the console CA, downloads /v3/agent.js over pinned TLS, verifies its
// SHA-256 against the manifest and only then runs it. A tampered download is refused with a
// clear message and nothing enrolls.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import https from "node:https";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { prisma } from "@/lib/server/db/prisma";
import { agentBundlePath, readAgentBundle } from "@/lib/server/enrollment/read-agent-bundle";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { registerUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import { isClusterConnected } from "@/lib/server/tunnel/tunnel-registry";
import { AGENT_BASE_IMAGE, AGENT_BOOTSTRAP_SCRIPT } from "@/lib/shared/agent/agent-bootstrap";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { startSimulator, type Simulator } from "@/sim";
import { kubectl } from "@/sim/test/run-kubectl";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";
import { eventually } from "./explorer-fixture";

const TAMPERED_MARK = "tampered";
type PodList = { items: Array<{ status: { containerStatuses: Array<{ lastState: { terminated?: { exitCode: number } } }> } }> };

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: getRuntimeContext().caPem }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${res.statusCode} ${text}`))));
      })
      .on("error", reject);
  });
}

describe("the default import runs the public-image bootstrap", () => {
  let served: ServedRoutes;
  let sim: Simulator;
  let tamperFor: string | undefined;
  const gateway = createTunnelGateway(() => undefined);

  beforeAll(async () => {
    // `npm test` bundles the agent first; build it here only when running this file alone.
    if (!existsSync(agentBundlePath())) execFileSync(process.execPath, ["--import", "tsx", path.resolve("agent/build.ts")], { stdio: "ignore" });
    registerUpgradeHandler("/v3/connect", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    const real = (await readAgentBundle()).body;
    // The tampered download: the real bundle plus one harmless line, served only while a test asks for it.
    served = await serveRoutes({ intercept: (p) => (p === "/v3/agent.js" && tamperFor ? Buffer.concat([real, Buffer.from(`\nconsole.log("${TAMPERED_MARK}");\n`)]) : undefined) });
    sim = await startSimulator({ clusters: [{ name: "stock-a", scenarios: ["k3s"] }, { name: "stock-b", scenarios: ["k3s"] }], podStartMs: 50, crashLoopBaseMs: 60_000, kubeconfigDir: path.join(getRuntimeContext().config.dataDir, "kube") });
  });
  afterAll(async () => {
    await sim?.stop();
    await gateway.close();
    await served?.close();
  });

  async function importInto(simName: string): Promise<{ cluster: TCluster; manifest: string }> {
    const cluster = await createCluster({ name: simName, labels: {} }, SYSTEM_ACTOR);
    const manifest = await get(cluster.importCommands!.manifestUrl);
    const kubeconfig = sim.clusters.find((c) => c.name === simName)!.kubeconfigPath!;
    const applied = await kubectl(kubeconfig, ["apply", "-f", "-"], { input: manifest });
    expect(applied.stderr).toBe("");
    expect(applied.stdout).toContain("deployment.apps/outpost-agent created");
    return { cluster, manifest };
  }

  async function agentLogs(simName: string): Promise<string> {
    const kubeconfig = sim.clusters.find((c) => c.name === simName)!.kubeconfigPath!;
    return (await kubectl(kubeconfig, ["logs", "-n", "outpost-system", "deploy/outpost-agent"])).stdout;
  }

  it("the manifest pins the public Node.js image, the bootstrap and the bundle's SHA-256; the kubelet runs it and the agent enrols", async () => {
    const { cluster, manifest } = await importInto("stock-a");
    const deployment = YAML.parseAllDocuments(manifest).map((d) => d.toJSON() as { kind: string; spec?: { template: { spec: { containers: Array<{ image: string; command: string[]; env: Array<{ name: string; value: string }> }> } } } }).find((d) => d.kind === "Deployment")!;
    const container = deployment.spec!.template.spec.containers[0]!;
    expect(container.image).toBe(AGENT_BASE_IMAGE);
    expect(container.image).toMatch(/^node:20\.\d+\.\d+-alpine$/);
    expect(container.command).toEqual(["node", "-e", AGENT_BOOTSTRAP_SCRIPT]);
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    expect(env.OUTPOST_AGENT_SHA256).toBe((await readAgentBundle()).sha256);
    await eventually(() => isClusterConnected(cluster.id), 20_000, "the bootstrapped agent's tunnel");
    const logs = await agentLogs("stock-a");
    expect(logs).toContain(`outpost-bootstrap: agent bundle ${env.OUTPOST_AGENT_SHA256} verified; starting it`);
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);
  });

  it("a tampered bundle is refused with the message, the container fails and nothing enrolls", async () => {
    tamperFor = "stock-b";
    const { cluster } = await importInto("stock-b");
    const want = (await readAgentBundle()).sha256;
    const logs = await eventually(async () => {
      const text = await agentLogs("stock-b");
      return text.includes("checksum mismatch") ? text : undefined;
    }, 20_000, "the bootstrap's refusal");
    expect(logs).toMatch(new RegExp(`outpost-bootstrap: agent bundle checksum mismatch: https://localhost:\\d+/v3/agent\\.js has SHA-256 [0-9a-f]{64}, expected ${want}; refusing to run it`));
    expect(logs).not.toContain(TAMPERED_MARK);
    const kubeconfig = sim.clusters.find((c) => c.name === "stock-b")!.kubeconfigPath!;
    const status = await eventually(async () => {
      const list = JSON.parse((await kubectl(kubeconfig, ["get", "pods", "-n", "outpost-system", "-o", "json"])).stdout) as PodList;
      const s = list.items[0]?.status.containerStatuses[0];
      return s?.lastState.terminated ? s : undefined;
    }, 10_000, "the failed container's status");
    expect(status.lastState.terminated?.exitCode).toBe(1);
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "cluster.enroll", targetId: cluster.id } })).toBe(0);
    expect((await prisma.registrationToken.findFirstOrThrow({ where: { clusterId: cluster.id } })).useCount).toBe(0);
    expect(isClusterConnected(cluster.id)).toBe(false);
  });
});
