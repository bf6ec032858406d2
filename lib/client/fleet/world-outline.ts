import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Land polygons' rings and country borders as lon/lat line strings. */
export interface WorldOutline {
  land: number[][][];
  borders: number[][][];
}

type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let cached: Promise<WorldOutline> | undefined;

/**
 * The world's coastlines and borders from Natural Earth's 1:50m data (public domain, as
 * TopoJSON in the pinned `world-atlas` package), bundled with the app and loaded only when
 * the site map is opened — no tile server, so the map works on an offline NOC network.
 */
export function loadWorldOutline(): Promise<WorldOutline> {
  cached ??= import("world-atlas/countries-50m.json").then(({ default: json }) => {
    const topo = json as unknown as Countries;
    const land: number[][][] = [];
    const lands = feature(topo, topo.objects.land);
    for (const f of lands.features) {
      const g = f.geometry;
      if (g.type === "Polygon") land.push(...g.coordinates);
      else if (g.type === "MultiPolygon") for (const p of g.coordinates) land.push(...p);
    }
    const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates;
    return { land, borders };
  });
  return cached;
}

/** Rings or lines whose bounding box meets the box (plus a margin), so a regional map draws only what it shows. */
export function withinBox(lines: number[][][], box: { west: number; east: number; south: number; north: number }, margin = 5): number[][][] {
  return lines.filter((line) => {
    let w = Infinity;
    let e = -Infinity;
    let s = Infinity;
    let n = -Infinity;
    for (const [lon = 0, lat = 0] of line) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
    return e >= box.west - margin && w <= box.east + margin && n >= box.south - margin && s <= box.north + margin;
  });
}
