import { describe, expect, it } from "vitest";
import { buildKioskScreens } from "./kiosk-screens";
import { fleetRow } from "./test-rows";

describe("buildKioskScreens", () => {
  it("one screen per group, worst clusters first, large groups paged, no-value group last", () => {
    const rows = [
      fleetRow("eu-ok", { region: "eu" }, { podsFailing: 0 }),
      fleetRow("eu-failing", { region: "eu" }, { podsFailing: 9 }),
      fleetRow("eu-down", { region: "eu", state: "unavailable" }, { fresh: false }),
      fleetRow("us-1", { region: "us" }),
      fleetRow("nowhere", { region: null }),
      ...Array.from({ length: 5 }, (_, i) => fleetRow(`ap-${i}`, { region: "ap" })),
    ];
    const screens = buildKioskScreens(rows, "region", 3);
    expect(screens.map((s) => `${s.group}:${s.page + 1}/${s.pages}`)).toEqual(["ap:1/2", "ap:2/2", "eu:1/1", "us:1/1", "null:1/1"]);
    expect(screens[2]!.tiles.map((t) => t.id)).toEqual(["eu-down", "eu-failing", "eu-ok"]);
    expect(screens[0]!).toMatchObject({ groupIndex: 0, groupCount: 4, total: 5 });
    expect(screens[1]!.tiles).toHaveLength(2);
  });

  it("groups by a label, and an empty fleet has no screens", () => {
    const rows = [fleetRow("a", { labels: { env: "prod" } }), fleetRow("b", { labels: { env: "lab" } })];
    expect(buildKioskScreens(rows, "label:env", 10).map((s) => s.group)).toEqual(["lab", "prod"]);
    expect(buildKioskScreens([], "region", 10)).toEqual([]);
  });
});
