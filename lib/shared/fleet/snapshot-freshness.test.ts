import { describe, expect, it } from "vitest";
import { dataAsOf, isSnapshotFresh, lastSeenShown } from "./snapshot-freshness";

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

  it("shows an Active cluster as seen at the latest totals, others at their own last-seen", () => {
    expect(lastSeenShown({ state: "active", lastSeenAt: "2026-01-01T12:00:00.000Z" }, "2026-01-01T12:01:00.000Z")).toBe("2026-01-01T12:01:00.000Z");
    expect(lastSeenShown({ state: "unavailable", lastSeenAt: "2026-01-01T12:00:00.000Z" }, "2026-01-01T12:01:00.000Z")).toBe("2026-01-01T12:00:00.000Z");
    expect(lastSeenShown({ state: "pending", lastSeenAt: null }, "2026-01-01T12:01:00.000Z")).toBeNull();
  });
});
