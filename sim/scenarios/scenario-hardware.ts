import type { ClusterState } from "../cluster/cluster-state";
import { addNode } from "./scenario-helpers";

/**
 * hardware: the heterogeneous edge of a real site joins the cluster as k3s agents — two
 * arm64 boards (a Raspberry Pi 5 and an NVIDIA Jetson Orin with its GPU advertised by the
 * device plugin as `nvidia.com/gpu`), a riscv64 board (StarFive VisionFive 2) and an amd64
 * industrial PC on a PREEMPT_RT kernel, each with its own OS image, kernel and capacity.
 */
export function scenarioHardware(cluster: ClusterState): void {
  const ip = (i: number) => `10.${(cluster.index >> 8) & 255}.${cluster.index & 255}.${60 + i}`;
  const agent = (name: string, i: number, osImage: string, hardware: Parameters<typeof addNode>[1]["hardware"], labels: Record<string, string> = {}) =>
    addNode(cluster, { name: `${cluster.name}-${name}`, ip: ip(i), roles: [], kubeletVersion: cluster.version, osImage, hardware, labels });
  agent("rpi5-1", 1, "Debian GNU/Linux 12 (bookworm)", { arch: "arm64", kernel: "6.6.51+rpt-rpi-2712", cpu: "4", memoryKi: 8_245_000 });
  agent("jetson-orin-1", 2, "Ubuntu 22.04.4 LTS", { arch: "arm64", kernel: "5.15.136-tegra", cpu: "8", memoryKi: 16_012_000, extended: { "nvidia.com/gpu": "1" } }, { "nvidia.com/gpu.present": "true" });
  agent("visionfive2-1", 3, "Debian GNU/Linux trixie/sid", { arch: "riscv64", kernel: "6.6.20-starfive", cpu: "4", memoryKi: 8_062_000, containerRuntime: "containerd://1.7.23-k3s2" });
  agent("ipc-rt-1", 4, "Debian GNU/Linux 12 (bookworm)", { arch: "amd64", kernel: "6.1.0-28-rt-amd64", cpu: "8", memoryKi: 16_320_000 }, { "feature.node.kubernetes.io/kernel-config.PREEMPT_RT": "true" });
}
