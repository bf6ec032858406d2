import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { helmLifecycle } from "./test/helm-lifecycle";

// Real helm v4 against one simulated k3s cluster: helm applies the chart's objects with
// server-side apply and keeps its releases in Secrets written in protobuf.
describe("helm against the simulator", () => {
  let sim: Simulator;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sim-helm-"));
    sim = await startSimulator({ clusters: [{ name: "helm", scenarios: ["k3s"] }], kubeconfigDir: dir, podStartMs: 100 });
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("installs, upgrades, rolls back and uninstalls a chart", async () => {
    await helmLifecycle(sim.clusters[0]?.kubeconfigPath ?? "", dir, "web", "apps");
  }, 120_000);
});
