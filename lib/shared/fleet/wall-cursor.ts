/** A cell of the wall by position in the model: group, site, index within the site. */
export interface WallCell {
  group: number;
  site: number;
  index: number;
}

type Sizes = ReadonlyArray<{ sites: ReadonlyArray<{ count: number }> }>;

/** The cell's position in reading order (0 … total-1). */
export function flatIndexOf(sizes: Sizes, cell: WallCell): number {
  let n = 0;
  for (let g = 0; g < cell.group; g++) for (const s of sizes[g]?.sites ?? []) n += s.count;
  const sites = sizes[cell.group]?.sites ?? [];
  for (let s = 0; s < cell.site; s++) n += sites[s]?.count ?? 0;
  return n + cell.index;
}

/** The cell at a position in reading order, or null past the end. */
export function cellAtFlatIndex(sizes: Sizes, flat: number): WallCell | null {
  if (flat < 0) return null;
  let rest = flat;
  for (const [g, group] of sizes.entries()) {
    for (const [s, site] of group.sites.entries()) {
      if (rest < site.count) return { group: g, site: s, index: rest };
      rest -= site.count;
    }
  }
  return null;
}

/**
 * Keyboard movement over the wall: arrows move one cell (up/down by a row of `perRow`),
 * PageUp/PageDown by a site, Home/End to the first/last cell; clamped at the ends.
 * Null for keys that do not move.
 */
export function moveCell(sizes: Sizes, from: WallCell | null, key: string, perRow: number): WallCell | null {
  const total = sizes.reduce((n, g) => n + g.sites.reduce((m, s) => m + s.count, 0), 0);
  if (total === 0) return null;
  const at = from ? flatIndexOf(sizes, from) : -1;
  const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow };
  let next: number;
  if (key === "Home") next = 0;
  else if (key === "End") next = total - 1;
  else if (key in step) next = at < 0 ? 0 : at + step[key]!;
  else if (key === "PageDown" || key === "PageUp") {
    if (!from) next = 0;
    else {
      // PageDown: first cell of the next site; PageUp: first cell of this site, or of the previous one.
      const siteStart = at - from.index;
      const previous = cellAtFlatIndex(sizes, siteStart - 1);
      if (key === "PageDown") next = siteStart + sizes[from.group]!.sites[from.site]!.count;
      else next = from.index > 0 || !previous ? siteStart : siteStart - 1 - previous.index;
    }
  } else return null;
  return cellAtFlatIndex(sizes, Math.max(0, Math.min(total - 1, next)));
}
