/**
 * Where every cell of the NOC wall goes. The wall is set like a newspaper: columns of equal
 * width, filled top to bottom with group headers, site labels and rows of cells, a site
 * continuing in the next column when the current one is full. The largest cell size at
 * which everything fits on the screen wins, so a small fleet gets big tiles with names and
 * numbers and 10,000 clusters still fit at 1920×1080 as small coloured squares. Pure: the
 * canvas draws from it, hover and the keyboard hit-test against it, and tests check it.
 */

/** What a cell shows: a tile (name + numbers), a label (name), or a dot (colour only). */
export type TCellMode = "tile" | "label" | "dot";

export interface CellPreset {
  w: number;
  h: number;
  gap: number;
  mode: TCellMode;
}

/** Cell sizes from largest to smallest (CSS pixels). */
export const CELL_PRESETS: readonly CellPreset[] = [
  { w: 300, h: 124, gap: 12, mode: "tile" },
  { w: 248, h: 104, gap: 10, mode: "tile" },
  { w: 208, h: 88, gap: 8, mode: "tile" },
  { w: 176, h: 76, gap: 8, mode: "tile" },
  { w: 152, h: 42, gap: 6, mode: "label" },
  { w: 124, h: 36, gap: 5, mode: "label" },
  ...[34, 28, 23, 19, 16, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4].map((s): CellPreset => ({ w: s, h: s, gap: s >= 14 ? 2 : 1, mode: "dot" })),
];

export const GROUP_HEADER_HEIGHT = 36;
export const SITE_LABEL_HEIGHT = 26;
export const COLUMN_GUTTER = 16;
/** Narrower columns would cut group and site names down to nothing. */
export const MIN_COLUMN_WIDTH = 200;
const SITE_GAP = 6;
const GROUP_GAP = 12;

export interface LayoutInput {
  width: number;
  height: number;
  /** Cluster counts per site of each group, in display order. */
  groups: ReadonlyArray<{ sites: ReadonlyArray<{ count: number }> }>;
  /** Draw a label above each site (false when the wall is grouped by site already). */
  bySite: boolean;
}

export interface HeaderBox {
  group: number;
  x: number;
  y: number;
  width: number;
}

export interface SiteLabelBox {
  group: number;
  site: number;
  x: number;
  y: number;
  width: number;
  /** The site began in an earlier column. */
  continued: boolean;
}

/** Consecutive cells of one site in one column: `count` cells from index `first`, `cols` per row. */
export interface CellRun {
  group: number;
  site: number;
  first: number;
  count: number;
  x: number;
  y: number;
  cols: number;
}

export interface WallLayout {
  cell: CellPreset;
  /** Columns in use. */
  columns: number;
  columnWidth: number;
  headers: HeaderBox[];
  labels: SiteLabelBox[];
  runs: CellRun[];
  /** Cells placed (= clusters on the wall). */
  cells: number;
  /** Bottom of the tallest column. */
  height: number;
  /** True when even the smallest cells do not fit: columns run past the right edge. */
  overflow: boolean;
}

/** Fills columns of `columnWidth`; null when more than `columns` would be needed. */
function flow(input: LayoutInput, cell: CellPreset, columnWidth: number, columns: number): WallLayout | null {
  const { height: maxHeight, groups, bySite } = input;
  const pitchX = cell.w + cell.gap;
  const pitchY = cell.h + cell.gap;
  const perRow = Math.floor((columnWidth + cell.gap) / pitchX);
  if (perRow < 1) return null;
  const labelH = bySite ? SITE_LABEL_HEIGHT : 0;
  const layout: WallLayout = { cell, columns, columnWidth, headers: [], labels: [], runs: [], cells: 0, height: 0, overflow: false };
  let col = 0;
  let y = 0;
  const x = () => col * (columnWidth + COLUMN_GUTTER);
  const nextColumn = (): boolean => {
    col++;
    y = 0;
    return col < columns;
  };
  for (const [g, group] of groups.entries()) {
    const need = GROUP_HEADER_HEIGHT + labelH + pitchY;
    if (y > 0 && y + need > maxHeight && !nextColumn()) return null;
    if (y + need > maxHeight) return null;
    layout.headers.push({ group: g, x: x(), y, width: columnWidth });
    y += GROUP_HEADER_HEIGHT;
    for (const [s, site] of group.sites.entries()) {
      let first = 0;
      while (first < site.count) {
        if (y + labelH + pitchY > maxHeight) {
          if (!nextColumn()) return null;
          if (labelH + pitchY > maxHeight) return null;
        }
        if (bySite) layout.labels.push({ group: g, site: s, x: x(), y, width: columnWidth, continued: first > 0 });
        y += labelH;
        const rows = Math.min(Math.floor((maxHeight - y + cell.gap) / pitchY), Math.ceil((site.count - first) / perRow));
        const count = Math.min(site.count - first, rows * perRow);
        layout.runs.push({ group: g, site: s, first, count, x: x(), y, cols: perRow });
        y += rows * pitchY;
        layout.height = Math.max(layout.height, y - cell.gap);
        first += count;
        layout.cells += count;
      }
      y += SITE_GAP;
    }
    y += GROUP_GAP - SITE_GAP;
  }
  layout.columns = col + 1;
  return layout;
}

/** The largest cells at which every cluster fits into `width` × `height`, and where each goes. */
export function layoutWall(input: LayoutInput): WallLayout {
  const total = input.groups.reduce((n, g) => n + g.sites.reduce((m, s) => m + s.count, 0), 0);
  const { width, height } = input;
  if (total === 0) return { cell: CELL_PRESETS[0]!, columns: 0, columnWidth: width, headers: [], labels: [], runs: [], cells: 0, height: 0, overflow: false };
  // With thousands of tiny sites their labels alone would not fit: then draw none.
  const attempts = input.bySite ? [input, { ...input, bySite: false }] : [input];
  for (const attempt of attempts) {
    const sizes = siteSizes(attempt);
    for (const cell of CELL_PRESETS) {
      // Quick rejection: the cells alone would need more area than the screen has.
      if (total * (cell.w + cell.gap) * (cell.h + cell.gap) > width * height) continue;
      const maxColumns = Math.max(1, Math.floor((width + COLUMN_GUTTER) / (Math.max(MIN_COLUMN_WIDTH, cell.w + cell.gap) + COLUMN_GUTTER)));
      // Of the column counts that fit at this size, the one that splits the fewest sites
      // over two columns (fewest runs), then the most even (shortest tallest column).
      let best: WallLayout | null = null;
      for (let columns = 1; columns <= maxColumns; columns++) {
        const columnWidth = widthOfColumns(width, columns);
        if (minimumHeight(attempt, sizes, cell, columnWidth) > columns * height) continue;
        const layout = flow(attempt, cell, columnWidth, columns);
        if (layout && (!best || layout.runs.length < best.runs.length || (layout.runs.length === best.runs.length && layout.height < best.height))) best = layout;
      }
      if (best) return best;
    }
  }
  // Too many for one screen: the smallest cells, columns continuing past the right edge.
  const smallest = CELL_PRESETS[CELL_PRESETS.length - 1]!;
  const columns = Math.max(1, Math.floor((width + COLUMN_GUTTER) / (MIN_COLUMN_WIDTH + COLUMN_GUTTER)));
  const tall = Math.max(height, GROUP_HEADER_HEIGHT + smallest.h + smallest.gap);
  const layout = flow({ ...input, bySite: false, height: tall }, smallest, widthOfColumns(width, columns), Number.MAX_SAFE_INTEGER)!;
  return { ...layout, overflow: true };
}

/** Site sizes as (cluster count → number of sites), so the bound below is cheap for any fleet. */
function siteSizes(input: LayoutInput): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const g of input.groups) for (const s of g.sites) sizes.set(s.count, (sizes.get(s.count) ?? 0) + 1);
  return sizes;
}

/** The height the content needs in columns of `columnWidth` if nothing were lost at column ends. */
function minimumHeight(input: LayoutInput, sizes: Map<number, number>, cell: CellPreset, columnWidth: number): number {
  const perRow = Math.floor((columnWidth + cell.gap) / (cell.w + cell.gap));
  if (perRow < 1) return Infinity;
  const labelH = input.bySite ? SITE_LABEL_HEIGHT : 0;
  let h = input.groups.length * (GROUP_HEADER_HEIGHT + GROUP_GAP - SITE_GAP);
  for (const [count, n] of sizes) h += n * (labelH + Math.ceil(count / perRow) * (cell.h + cell.gap) + SITE_GAP);
  return h;
}

function widthOfColumns(width: number, columns: number): number {
  return Math.floor((width - (columns - 1) * COLUMN_GUTTER) / columns);
}

export interface CellHit {
  group: number;
  site: number;
  /** Index of the cluster within its site. */
  index: number;
  x: number;
  y: number;
}

/** The cell under a point of the wall (CSS pixels), or null over a gap, header or empty space. */
export function hitTestWall(layout: WallLayout, px: number, py: number): CellHit | null {
  const pitchX = layout.cell.w + layout.cell.gap;
  const pitchY = layout.cell.h + layout.cell.gap;
  for (const run of layout.runs) {
    if (px < run.x || py < run.y) continue;
    const col = Math.floor((px - run.x) / pitchX);
    const row = Math.floor((py - run.y) / pitchY);
    if (col >= run.cols) continue;
    const i = row * run.cols + col;
    if (i >= run.count) continue;
    const x = run.x + col * pitchX;
    const y = run.y + row * pitchY;
    if (px >= x + layout.cell.w || py >= y + layout.cell.h) return null; // in the gap
    return { group: run.group, site: run.site, index: run.first + i, x, y };
  }
  return null;
}

/** Where a cluster's cell is (top-left corner), or null when it has none. */
export function cellPosition(layout: WallLayout, group: number, site: number, index: number): { x: number; y: number } | null {
  const pitchX = layout.cell.w + layout.cell.gap;
  const pitchY = layout.cell.h + layout.cell.gap;
  for (const run of layout.runs) {
    if (run.group !== group || run.site !== site || index < run.first || index >= run.first + run.count) continue;
    const i = index - run.first;
    return { x: run.x + (i % run.cols) * pitchX, y: run.y + Math.floor(i / run.cols) * pitchY };
  }
  return null;
}
