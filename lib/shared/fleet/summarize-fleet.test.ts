import { describe, expect, it } from "vitest";
import { diffFleetRows } from "./diff-fleet-rows";
import { dataAsOf, isSnapshotFresh } from "./snapshot-freshness";
import { summarizeFleet } from "./summarize-fleet";
import { fleetRow } from "./test-rows";

const AT = new Date("2026-01-01T12:00:05Z");

describe("summarizeFleet", () => {
  it("totals clusters by state, nodes, pods, EdgeX and alerts; offline nodes are not ready", () => {
    const rows = [
      fleetRow("a", { alertsOpen: 1, alertsUnacked: 1 }, { edgex: { servicesUp: 8, servicesTotal: 9, devicesUp: 1, devicesTotal: 1, lastReadingAt: null } }),
      fleetRow("b", { state: "unavailable", alertsOpen: 2 }, { fresh: false, collectedAt: "2026-01-01T11:00:00.000Z", edgex: { servicesUp: 9, servicesTotal: 9, devicesUp: 1, devicesTotal: 1, lastReadingAt: null } }),
      fleetRow("c", { state: "pending" }, null),
    ];
    const s = summarizeFleet(rows, AT);
    expect(s.clusters).toEqual({ total: 3, pending: 1, active: 1, unavailable: 1, stale: 1 });
    expect(s.nodes).toEqual({ ready: 3, total: 6 });
    expect(s.pods).toEqual({ total: 40, failing: 4, crashLooping: 2 });
    expect(s.edgex).toEqual({ clusters: 2, servicesUp: 8, servicesTotal: 18, servicesDown: 10 });
    expect(s.alerts).toEqual({ open: 3, unacked: 1 });
    expect(s.freshAt).toBe("2026-01-01T12:00:00.000Z");
    expect(s.at).toBe(AT.toISOString());
  });

  it("an empty fleet has zero totals and no fresh time", () => {
    const s = summarizeFleet([], AT);
    expect(s.clusters.total).toBe(0);
    expect(s.freshAt).toBeNull();
  });
});

describe("diffFleetRows", () => {
  it("ignores a refresh that changes only the collection time, reports changes and removals", () => {
    const first = diffFleetRows(new Map(), [fleetRow("a"), fleetRow("b")]);
    expect(first.changed.map((r) => r.id)).toEqual(["a", "b"]);
    const refreshed = diffFleetRows(first.signatures, [fleetRow("a", {}, { collectedAt: "2026-01-01T12:00:15.000Z" }), fleetRow("b")]);
    expect(refreshed.changed).toEqual([]);
    expect(refreshed.removed).toEqual([]);
    const changed = diffFleetRows(refreshed.signatures, [fleetRow("a", {}, { podsFailing: 5 })]);
    expect(changed.changed.map((r) => r.id)).toEqual(["a"]);
    expect(changed.removed).toEqual(["b"]);
    const stale = diffFleetRows(changed.signatures, [fleetRow("a", {}, { podsFailing: 5, fresh: false })]);
    expect(stale.changed.map((r) => r.id)).toEqual(["a"]);
  });
});

describe("freshness", () => {
  it("is fresh for two and a half intervals", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(isSnapshotFresh(new Date(now.getTime() - 37_500), now, 15_000)).toBe(true);
    expect(isSnapshotFresh(new Date(now.getTime() - 37_501), now, 15_000)).toBe(false);
  });

  it("shows fresh rows as of the newest pass and stale rows as of their own time", () => {
    expect(dataAsOf({ collectedAt: "2026-01-01T12:00:00.000Z", fresh: true }, "2026-01-01T12:00:30.000Z")).toBe("2026-01-01T12:00:30.000Z");
    expect(dataAsOf({ collectedAt: "2026-01-01T12:00:00.000Z", fresh: false }, "2026-01-01T12:00:30.000Z")).toBe("2026-01-01T12:00:00.000Z");
    expect(dataAsOf({ collectedAt: "2026-01-01T12:00:00.000Z", fresh: true }, null)).toBe("2026-01-01T12:00:00.000Z");
  });
});
