import { describe, expect, it } from "vitest";
import { proposeCluster, renderLabels, templateError, toClusterName, toLabelValue } from "./render-registration";

const identity = { nodeName: "Pi_4.local", machineId: "0123456789abcdef0123456789abcdef", arch: "arm64", k3sVersion: "v1.31.4+k3s1", labels: { rack: "r 7", region: "agent-says" } };

describe("fleet token templates", () => {
  it("names unknown variables and accepts the known ones and labels.<key>", () => {
    expect(templateError("site=${hostname},a=${arch},m=${machineId},v=${k3sVersion},r=${labels.rack}")).toBeNull();
    expect(templateError("site=${host}")).toMatch(/^unknown variable \$\{host\}/);
  });

  it("renders labels: the template wins over the agent's own, values made valid", () => {
    expect(renderLabels("region=eu-north,site=${hostname},v=${k3sVersion}", identity)).toEqual({ rack: "r 7", region: "eu-north", site: "Pi_4.local", v: "v1.31.4-k3s1" });
    expect(toLabelValue("--a b--")).toBe("a-b");
  });

  it("proposes a display name and a DNS-1123 cluster name", () => {
    expect(proposeCluster({ nameTemplate: "Edge ${hostname} (${arch})", labelTemplate: "" }, identity)).toMatchObject({ displayName: "Edge Pi_4.local (arm64)", name: "edge-pi-4-local-arm64" });
    expect(proposeCluster({ nameTemplate: "", labelTemplate: "" }, identity).displayName).toBe("Pi_4.local");
    expect(toClusterName("!!!")).toBe("cluster");
    expect(toClusterName("x".repeat(80))).toHaveLength(63);
  });
});
