/**
 * The site map's projection: equirectangular with its standard parallel at the middle of the
 * view (x scaled by cos(latitude)), so a region-sized view keeps its shapes; fitted around
 * the sites so a fleet in one country fills the screen instead of a dot on a world map.
 */
export interface GeoBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

export const WORLD: GeoBox = { west: -180, east: 180, south: -58, north: 84 };

const toRad = (d: number) => (d * Math.PI) / 180;

/**
 * The smallest box around `points`, padded, at least `minSpan` degrees tall, widened or
 * heightened to the aspect of `width` × `height`; the world without points.
 */
export function fitGeoBox(points: ReadonlyArray<{ lat: number; lon: number }>, width: number, height: number, minSpan = 16): GeoBox {
  if (points.length === 0 || width <= 0 || height <= 0) return WORLD;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of points) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  const midLat = (south + north) / 2;
  const midLon = (west + east) / 2;
  let latSpan = Math.max(minSpan, (north - south) * 1.3);
  const k = Math.max(0.2, Math.cos(toRad(midLat)));
  let lonSpan = Math.max((latSpan * 1) / k, (east - west) * 1.3);
  // Match the screen's aspect: lonSpan·k / latSpan = width / height.
  const aspect = width / height;
  if ((lonSpan * k) / latSpan < aspect) lonSpan = (latSpan * aspect) / k;
  else latSpan = (lonSpan * k) / aspect;
  latSpan = Math.min(latSpan, 170);
  lonSpan = Math.min(lonSpan, 360);
  const southEdge = Math.max(-85, Math.min(midLat - latSpan / 2, 85 - latSpan));
  const westEdge = Math.max(-180, Math.min(midLon - lonSpan / 2, 180 - lonSpan));
  return { west: westEdge, east: westEdge + lonSpan, south: southEdge, north: southEdge + latSpan };
}

/** Screen position of a point in a box drawn into `width` × `height`. */
export function projectPoint(lon: number, lat: number, box: GeoBox, width: number, height: number): { x: number; y: number } {
  return { x: ((lon - box.west) / (box.east - box.west)) * width, y: ((box.north - lat) / (box.north - box.south)) * height };
}

/** An SVG path for rings or lines (lon/lat pairs) in a box drawn into `width` × `height`, one decimal. */
export function ringsToPath(rings: ReadonlyArray<ReadonlyArray<readonly number[]>>, box: GeoBox, width: number, height: number, closed = true): string {
  const parts: string[] = [];
  for (const ring of rings) {
    let d = "";
    let lastLon: number | undefined;
    for (const pt of ring) {
      // Unwrap across the antimeridian (179° → -179° becomes 179° → 181°): the ring stays
      // one shape, and the part past the edge of the view is simply outside the drawing.
      let lon = pt[0]!;
      if (lastLon !== undefined) lon += 360 * Math.round((lastLon - lon) / 360);
      const { x, y } = projectPoint(lon, pt[1]!, box, width, height);
      d += `${lastLon === undefined ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`;
      lastLon = lon;
    }
    if (d) parts.push(closed ? `${d}Z` : d);
  }
  return parts.join("");
}
