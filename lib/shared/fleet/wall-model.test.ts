import { describe, expect, it } from "vitest";
import { clusterHealth, troubleReasons } from "./cluster-health";
import { fleetRow } from "./test-rows";
import { buildWallModel } from "./wall-model";

const ok = { podsFailing: 0, nodesReady: 3, nodesTotal: 3 };

describe("clusterHealth / troubleReasons", () => {
  it("ranks state and health into one level, with every reason", () => {
    expect(clusterHealth(fleetRow("a", {}, ok))).toBe("ok");
    expect(troubleReasons(fleetRow("a", {}, ok))).toEqual([]);
    expect(clusterHealth(fleetRow("b", { state: "unavailable" }, { ...ok, fresh: false }))).toBe("down");
    expect(troubleReasons(fleetRow("b", { state: "unavailable" }, { ...ok, fresh: false }))).toEqual(["unavailable"]);
    expect(clusterHealth(fleetRow("c", {}, { ...ok, podsFailing: 2 }))).toBe("degraded");
    expect(troubleReasons(fleetRow("c", {}, { ...ok, nodesReady: 2, podsFailing: 2 }))).toEqual(["nodesNotReady", "podsFailing"]);
    expect(clusterHealth(fleetRow("d", { alertsOpen: 1, alertsUnacked: 1 }, ok))).toBe("degraded");
    expect(clusterHealth(fleetRow("e", { alertsOpen: 1, alertsUnacked: 0 }, ok))).toBe("warning");
    expect(clusterHealth(fleetRow("f", {}, { ...ok, fresh: false }))).toBe("warning");
    expect(troubleReasons(fleetRow("f", {}, { ...ok, fresh: false }))).toEqual(["stale"]);
    expect(clusterHealth(fleetRow("g", {}, { ...ok, edgex: { servicesUp: 8, servicesTotal: 9, devicesUp: 1, devicesTotal: 1, lastReadingAt: null } }))).toBe("warning");
    expect(clusterHealth(fleetRow("h", { state: "pending" }, null))).toBe("pending");
    expect(troubleReasons(fleetRow("h", { state: "pending" }, null))).toEqual(["pending"]);
  });
});

describe("buildWallModel", () => {
  const rows = [
    fleetRow("eu-ok", { region: "eu", site: "berlin" }, ok),
    fleetRow("eu-failing", { region: "eu", site: "berlin" }, { ...ok, podsFailing: 9 }),
    fleetRow("eu-down", { region: "eu", site: "berlin", state: "unavailable" }, { ...ok, fresh: false }),
    fleetRow("eu-lyon", { region: "eu", site: "lyon" }, ok),
    fleetRow("us-pending", { region: "us", site: "austin", state: "pending" }, null),
    fleetRow("nowhere", { region: null, site: null }, ok),
  ];

  it("groups by region then site in name order (no value last), worst first, with counts", () => {
    const m = buildWallModel(rows, "region");
    expect(m.groups.map((g) => g.key)).toEqual(["eu", "us", null]);
    expect(m.groups[0]!.sites.map((s) => s.key)).toEqual(["berlin", "lyon"]);
    expect(m.groups[0]!.sites[0]!.clusters.map((c) => c.id)).toEqual(["eu-down", "eu-failing", "eu-ok"]);
    expect(m.groups[0]!.counts).toEqual({ down: 1, degraded: 1, warning: 0, pending: 0, ok: 2 });
    expect(m.groups[0]!.total).toBe(4);
    expect(m.total).toBe(6);
    expect(m.counts).toEqual({ down: 1, degraded: 1, warning: 0, pending: 1, ok: 3 });
    expect(m.trouble.map((c) => c.id)).toEqual(["eu-down", "eu-failing", "us-pending"]);
  });

  it("zooms into one group, and grouped by site has no second level", () => {
    const eu = buildWallModel(rows, "region", "eu");
    expect(eu.groups.map((g) => g.key)).toEqual(["eu"]);
    expect(eu.total).toBe(4);
    const bySite = buildWallModel(rows, "site");
    expect(bySite.bySite).toBe(false);
    expect(bySite.groups.map((g) => g.key)).toEqual(["austin", "berlin", "lyon", null]);
    expect(bySite.groups.every((g) => g.sites.length === 1 && g.sites[0]!.key === null)).toBe(true);
  });
});
