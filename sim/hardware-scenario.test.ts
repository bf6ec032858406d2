import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { kubectl } from "./test/run-kubectl";

describe("hardware scenario: a heterogeneous edge site as kubectl sees it", () => {
  let sim: Simulator;
  let kubeconfig: string;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "hw", scenarios: ["k3s", "hardware"] }] });
    kubeconfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "outpost-hw-")), "kubeconfig");
    fs.writeFileSync(kubeconfig, sim.clusters[0]!.kubeconfig(), { mode: 0o600 });
  });
  afterAll(async () => sim?.stop());

  it("get nodes -o wide shows each board's OS image, kernel and architecture", async () => {
    const wide = await kubectl(kubeconfig, ["get", "nodes", "-o", "wide", "-L", "kubernetes.io/arch"]);
    expect(wide.stderr).toBe("");
    expect(wide.stdout).toMatch(/^hw-rpi5-1\s+Ready\s+<none>\s+\S+\s+v1\.31\.\S+\s+\S+\s+<none>\s+Debian GNU\/Linux 12 \(bookworm\)\s+6\.6\.51\+rpt-rpi-2712\s+containerd:\/\/\S+\s+arm64$/m);
    expect(wide.stdout).toMatch(/^hw-visionfive2-1\s.*6\.6\.20-starfive\s+\S+\s+riscv64$/m);
    expect(wide.stdout).toMatch(/^hw-ipc-rt-1\s.*6\.1\.0-28-rt-amd64\s+\S+\s+amd64$/m);
  });

  it("the GPU board advertises nvidia.com/gpu in capacity and allocatable", async () => {
    const out = await kubectl(kubeconfig, ["get", "node", "hw-jetson-orin-1", "-o", "jsonpath={.status.capacity.nvidia\\.com/gpu} {.status.allocatable.nvidia\\.com/gpu} {.status.nodeInfo.architecture}"]);
    expect(out.stdout).toBe("1 1 arm64");
    const describe = await kubectl(kubeconfig, ["describe", "node", "hw-jetson-orin-1"]);
    expect(describe.stdout).toMatch(/Capacity:[\s\S]*nvidia\.com\/gpu:\s+1/);
    expect(describe.stdout).toMatch(/Architecture:\s+arm64/);
  });
});
