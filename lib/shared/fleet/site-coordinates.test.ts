import { describe, expect, it } from "vitest";
import { ZLabelsSchema } from "../clusters/clusters.schema";
import { fitGeoBox, projectPoint, ringsToPath, WORLD } from "./map-projection";
import { buildMapSites, formatDegrees, LATITUDE_LABEL, LONGITUDE_LABEL, parseDegrees } from "./site-coordinates";
import { fleetRow } from "./test-rows";

const at = (lat: string, lon: string) => ({ [LATITUDE_LABEL]: lat, [LONGITUDE_LABEL]: lon });

describe("coordinates from cluster labels", () => {
  it("reads plain degrees and hemisphere letters, refuses the rest", () => {
    expect(parseDegrees("52.52", "lat")).toBe(52.52);
    expect(parseDegrees("33.87S", "lat")).toBe(-33.87);
    expect(parseDegrees("74.01w", "lon")).toBe(-74.01);
    expect(parseDegrees("151.2E", "lon")).toBe(151.2);
    expect(parseDegrees("91", "lat")).toBeNull();
    expect(parseDegrees("181", "lon")).toBeNull();
    expect(parseDegrees("10E", "lat")).toBeNull();
    expect(parseDegrees("-10", "lat")).toBeNull();
    expect(parseDegrees("abc", "lat")).toBeNull();
    expect(parseDegrees(undefined, "lat")).toBeNull();
  });

  it("formats values that are valid Kubernetes label values and read back the same", () => {
    const v = formatDegrees(-33.8688, -70.6693);
    expect(v).toEqual({ latitude: "33.8688S", longitude: "70.6693W" });
    expect(ZLabelsSchema.safeParse(at(v.latitude, v.longitude)).success).toBe(true);
    expect(parseDegrees(v.latitude, "lat")).toBe(-33.8688);
  });
});

describe("buildMapSites", () => {
  it("places sites at their clusters' mean position, worst first, counting the unplaced", () => {
    const rows = [
      fleetRow("b1", { region: "eu", site: "berlin", labels: at("52.5", "13.4") }, { podsFailing: 0 }),
      fleetRow("b2", { region: "eu", site: "berlin", labels: at("52.7", "13.6") }, { podsFailing: 0 }),
      fleetRow("b3", { region: "eu", site: "berlin" }, { podsFailing: 0 }),
      fleetRow("l1", { region: "eu", site: "lyon", state: "unavailable", labels: at("45.76", "4.83E") }, { fresh: false }),
      fleetRow("x", { region: "eu", site: "nowhere" }),
      fleetRow("solo", { site: null, labels: at("40.7", "74.0W") }, { podsFailing: 0 }),
    ];
    const { sites, unplaced } = buildMapSites(rows);
    expect(unplaced).toBe(1);
    expect(sites.map((s) => s.site ?? s.cluster)).toEqual(["lyon", "berlin", "solo"]);
    const berlin = sites[1]!;
    expect(berlin.total).toBe(3);
    expect(berlin.lat).toBeCloseTo(52.6);
    expect(berlin.lon).toBeCloseTo(13.5);
    expect(sites[0]!.counts.down).toBe(1);
    expect(sites[2]!.lon).toBeCloseTo(-74);
  });
});

describe("map projection", () => {
  it("fits the view around the sites at the screen's aspect, every site inside", () => {
    const pts = [
      { lat: 52.5, lon: 13.4 },
      { lat: 45.76, lon: 4.83 },
      { lat: 54.5, lon: 7 },
    ];
    const box = fitGeoBox(pts, 1600, 900);
    for (const p of pts) {
      const { x, y } = projectPoint(p.lon, p.lat, box, 1600, 900);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1600);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(900);
    }
    expect(box.north - box.south).toBeLessThan(40);
    expect(fitGeoBox([], 1600, 900)).toEqual(WORLD);
  });
});

describe("ringsToPath", () => {
  it("keeps a ring that crosses the antimeridian in one piece instead of drawing across the map", () => {
    const d = ringsToPath([[[179, 60], [-179, 61], [-178, 62], [179, 60]]], WORLD, 360, 142);
    const xs = [...d.matchAll(/[ML](-?[\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(10);
    expect(d.endsWith("Z")).toBe(true);
    expect(ringsToPath([[[0, 0], [10, 10]]], WORLD, 360, 142, false)).toBe("M180.0 84.0L190.0 74.0");
  });
});
