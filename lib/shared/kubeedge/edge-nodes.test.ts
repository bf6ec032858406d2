import { describe, expect, it } from "vitest";
import { loadFixture } from "../kube/__fixtures__/load-fixture";
import type { NodeLike } from "../kube/types";
import { isKubeEdgeNode, kubeEdgeVersion } from "./edge-nodes";

describe("KubeEdge edge nodes", () => {
  const edge = loadFixture<NodeLike>("nodes/kubeedge-edge.json");
  const agent = loadFixture<NodeLike>("nodes/k3s-agent.json");

  it("recognises an edge node by its label and reads the KubeEdge version from the kubelet", () => {
    expect(isKubeEdgeNode(edge)).toBe(true);
    expect(kubeEdgeVersion(edge)).toBe("v1.18.0");
    expect(isKubeEdgeNode(agent)).toBe(false);
    expect(kubeEdgeVersion(agent)).toBeNull();
  });

  it("still recognises an edge node whose label was removed, by its edged kubelet", () => {
    const unlabelled = { metadata: { name: "e" }, status: { nodeInfo: { kubeletVersion: "v1.28.11-kubeedge-v1.17.2" } } };
    expect(isKubeEdgeNode(unlabelled)).toBe(true);
    expect(kubeEdgeVersion(unlabelled)).toBe("v1.17.2");
    expect(isKubeEdgeNode({ metadata: { labels: { "node-role.kubernetes.io/edge": "true" } } })).toBe(true);
    expect(kubeEdgeVersion({})).toBeNull();
  });
});
