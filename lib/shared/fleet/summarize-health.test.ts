import { describe, expect, it } from "vitest";
import { HEALTH_DETAIL_CAP, summarizeHealth } from "./summarize-health";
import type { PodProjection } from "./project-objects";

const NOW = Date.parse("2026-01-01T12:00:00Z");
const pod = (name: string, phase: string, status: string): PodProjection => ({ namespace: "demo", name, phase, status, labels: {} });

describe("summarizeHealth", () => {
  it("counts pods by phase, failing and crash-looping pods, nodes, deployments and recent warnings", () => {
    const h = summarizeHealth({
      pods: [pod("web", "Running", "Running"), pod("worker", "Running", "CrashLoopBackOff"), pod("img", "Pending", "ImagePullBackOff"), pod("job", "Succeeded", "Completed"), pod("x", "Failed", "Error"), pod("y", "Weird", "Unknown")],
      nodes: [
        { name: "a", ready: true, since: null, kubeletVersion: "v1.31.4+k3s1", labels: {} },
        { name: "b", ready: false, since: "2026-01-01T11:59:00.000Z", kubeletVersion: "v1.31.4+k3s1", labels: {} },
      ],
      deployments: [
        { namespace: "demo", name: "web", desired: 3, available: 3, labels: {} },
        { namespace: "demo", name: "worker", desired: 1, available: 0, labels: {} },
      ],
      warningEvents: [{ at: NOW - 60_000 }, { at: NOW - 16 * 60_000 }, { at: NOW - 15 * 60_000 }],
      kubernetesVersion: "v1.31.4+k3s1",
      edgex: null,
      now: NOW,
    });
    expect(h.pods).toEqual({ total: 6, running: 2, pending: 1, succeeded: 1, failed: 1, unknown: 1, failing: 4, crashLooping: 1 });
    expect(h.nodes).toEqual({ ready: 1, total: 2 });
    expect(h.deployments).toEqual({ total: 2, unavailable: 1 });
    expect(h.warningEvents).toBe(2);
    expect(h.details.notReadyNodes).toEqual([{ name: "b", since: "2026-01-01T11:59:00.000Z" }]);
    expect(h.details.crashLoopingPods).toEqual(["demo/worker"]);
    expect(h.details.failingPods).toEqual(["demo/img ImagePullBackOff", "demo/worker CrashLoopBackOff", "demo/x Error", "demo/y Unknown"]);
    expect(h.details.unavailableDeployments).toEqual(["demo/worker"]);
    expect(h.details.kubeletVersions).toEqual(["v1.31.4+k3s1"]);
  });

  it("caps detail lists but not the counts", () => {
    const many = Array.from({ length: 100 }, (_, i) => pod(`p${i}`, "Running", "CrashLoopBackOff"));
    const h = summarizeHealth({ pods: many, nodes: [], deployments: [], warningEvents: [], kubernetesVersion: null, edgex: null, now: NOW });
    expect(h.pods.crashLooping).toBe(100);
    expect(h.details.crashLoopingPods).toHaveLength(HEALTH_DETAIL_CAP);
  });
});
