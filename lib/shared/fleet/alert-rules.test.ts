import { describe, expect, it } from "vitest";
import { alertKey, evaluateAlertRules, type AlertInputCluster } from "./alert-rules";

const NOW = new Date("2026-01-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

function cluster(over: Partial<AlertInputCluster> & { id: string }): AlertInputCluster {
  return {
    name: over.id,
    state: "active",
    stateSince: ago(3_600_000),
    kubernetesVersion: "v1.31.4+k3s1",
    snapshot: { podsCrashLooping: 0, edgex: null, details: { notReadyNodes: [], crashLoopingPods: [], edgexServicesDown: [] } },
    ...over,
  };
}

const rules = (clusters: AlertInputCluster[]) => evaluateAlertRules(clusters, NOW).map((a) => `${a.clusterId} ${a.rule} ${a.subject}`.trim());

describe("alert rules", () => {
  it("a healthy fleet raises nothing", () => {
    expect(rules([cluster({ id: "a" }), cluster({ id: "b" })])).toEqual([]);
  });

  it("cluster Unavailable alerts only after more than a minute, since the state change", () => {
    expect(rules([cluster({ id: "a", state: "unavailable", stateSince: ago(60_000) })])).toEqual([]);
    const [alert] = evaluateAlertRules([cluster({ id: "a", state: "unavailable", stateSince: ago(61_000) })], NOW);
    expect(alert).toMatchObject({ rule: "cluster-unavailable", severity: "critical", since: ago(61_000), key: alertKey("a", "cluster-unavailable", "") });
    expect(rules([cluster({ id: "p", state: "pending", stateSince: ago(86_400_000) })])).toEqual([]);
  });

  it("node NotReady alerts once per node, since its Ready transition", () => {
    const c = cluster({ id: "a" });
    c.snapshot!.details.notReadyNodes = [{ name: "agent-1", since: "2026-01-01T11:50:00.000Z" }, { name: "agent-2", since: null }];
    const alerts = evaluateAlertRules([c], NOW);
    expect(alerts.map((a) => a.subject)).toEqual(["agent-1", "agent-2"]);
    expect(alerts[0]!.since).toEqual(new Date("2026-01-01T11:50:00.000Z"));
    expect(alerts[1]!.since).toBeNull();
  });

  it("crash-looping pods alert once per cluster with the count", () => {
    const c = cluster({ id: "a" });
    c.snapshot = { ...c.snapshot!, podsCrashLooping: 3, details: { ...c.snapshot!.details, crashLoopingPods: ["demo/w1", "demo/w2", "demo/w3"] } };
    const alerts = evaluateAlertRules([c], NOW);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: "pods-crash-looping", params: { count: 3, pods: "demo/w1, demo/w2, demo/w3", cluster: "a" } });
  });

  it("EdgeX service down alerts when fewer services are up than exist", () => {
    const c = cluster({ id: "a" });
    c.snapshot!.edgex = { servicesUp: 7, servicesTotal: 9, devicesUp: 3, devicesTotal: 3, lastReadingAt: null };
    expect(evaluateAlertRules([c], NOW)[0]).toMatchObject({ rule: "edgex-service-down", params: { down: 2, total: 9 } });
    c.snapshot!.edgex = { servicesUp: 9, servicesTotal: 9, devicesUp: 0, devicesTotal: 3, lastReadingAt: null };
    expect(rules([c])).toEqual([]);
  });

  it("an offline cluster's stale snapshot raises no node, pod or EdgeX alerts", () => {
    const c = cluster({ id: "a", state: "unavailable", stateSince: ago(10_000) });
    c.snapshot = { podsCrashLooping: 2, edgex: { servicesUp: 0, servicesTotal: 9, devicesUp: 0, devicesTotal: 0, lastReadingAt: null }, details: { notReadyNodes: [{ name: "n", since: null }], crashLoopingPods: [], edgexServicesDown: [] } };
    expect(rules([c])).toEqual([]);
  });

  it("k3s two or more minors behind the fleet's newest alerts; one behind does not", () => {
    const fleet = [
      cluster({ id: "new", kubernetesVersion: "v1.33.1+k3s1" }),
      cluster({ id: "one", kubernetesVersion: "v1.32.5+k3s1" }),
      cluster({ id: "two", kubernetesVersion: "v1.31.4+k3s1" }),
      cluster({ id: "old", kubernetesVersion: "v1.27.16+k3s1", state: "pending" }),
      cluster({ id: "unknown", kubernetesVersion: null }),
    ];
    expect(rules(fleet)).toEqual(["two k3s-version-behind", "old k3s-version-behind"]);
    const two = evaluateAlertRules(fleet, NOW).find((a) => a.clusterId === "two");
    expect(two?.params).toMatchObject({ version: "v1.31.4+k3s1", newest: "v1.33", behind: 2 });
  });
});
