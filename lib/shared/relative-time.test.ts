import { describe, expect, it } from "vitest";
import { pastOrNow } from "./relative-time";

describe("pastOrNow", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it("keeps a past instant", () => {
    expect(pastOrNow(new Date("2026-12-07T11:59:00Z"), now).toISOString()).toBe("2026-12-07T11:59:00.000Z");
  });
  it("shows a 'future' past event (clock skew, stale now) as now", () => {
    const formatted = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    const shown = pastOrNow(new Date("2026-12-07T12:00:03Z"), now);
    expect(shown).toBe(now);
    expect(formatted.format(Math.round((shown.getTime() - now.getTime()) / 1000), "second")).toBe("now");
  });
});
