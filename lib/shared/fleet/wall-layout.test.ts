import { describe, expect, it } from "vitest";
import { cellPosition, hitTestWall, layoutWall, type LayoutInput, type WallLayout } from "./wall-layout";

/** 8 regions × 5 sites × 250 clusters, as the synthetic fleet of 10,000 spreads them. */
const TEN_THOUSAND: LayoutInput["groups"] = Array.from({ length: 8 }, () => ({ sites: Array.from({ length: 5 }, () => ({ count: 250 })) }));

function boxesOf(layout: WallLayout) {
  const pitchX = layout.cell.w + layout.cell.gap;
  const pitchY = layout.cell.h + layout.cell.gap;
  return layout.runs.map((r) => ({ x: r.x, y: r.y, w: r.cols * pitchX - layout.cell.gap, h: Math.ceil(r.count / r.cols) * pitchY - layout.cell.gap }));
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe("layoutWall", () => {
  it("fits 10,000 clusters in the wall area of a 1920×1080 screen, every cell inside it, none overlapping", () => {
    const input = { width: 1480, height: 860, groups: TEN_THOUSAND, bySite: true };
    const layout = layoutWall(input);
    expect(layout.overflow).toBe(false);
    expect(layout.cells).toBe(10_000);
    expect(layout.cell.mode).toBe("dot");
    expect(layout.cell.w).toBeGreaterThanOrEqual(7);
    expect(layout.columnWidth).toBeGreaterThanOrEqual(200);
    const boxes = boxesOf(layout);
    for (const b of boxes) {
      expect(b.x + b.w).toBeLessThanOrEqual(input.width);
      expect(b.y + b.h).toBeLessThanOrEqual(input.height);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    expect(layout.headers).toHaveLength(8);
    expect(layout.labels.filter((l) => !l.continued)).toHaveLength(40);
  });

  it("a few clusters get large tiles; fewer clusters never get smaller cells", () => {
    const three = layoutWall({ width: 1480, height: 860, groups: [{ sites: [{ count: 2 }] }, { sites: [{ count: 1 }] }], bySite: true });
    expect(three.cell.mode).toBe("tile");
    expect(three.cell.w).toBe(300);
    let previous = Infinity;
    for (const n of [10, 100, 500, 2000, 10_000]) {
      const layout = layoutWall({ width: 1480, height: 860, groups: [{ sites: [{ count: n }] }], bySite: true });
      expect(layout.cells).toBe(n);
      expect(layout.cell.w).toBeLessThanOrEqual(previous);
      previous = layout.cell.w;
    }
  });

  it("one huge site continues over several columns with a continuation label", () => {
    const layout = layoutWall({ width: 1200, height: 600, groups: [{ sites: [{ count: 6000 }, { count: 10 }] }], bySite: true });
    expect(layout.cells).toBe(6010);
    expect(layout.labels.some((l) => l.continued && l.site === 0)).toBe(true);
    expect(layout.columns).toBeGreaterThan(1);
  });

  it("more than fits at the smallest size overflows to the right instead of dropping clusters", () => {
    const layout = layoutWall({ width: 300, height: 200, groups: [{ sites: [{ count: 5000 }] }], bySite: false });
    expect(layout.overflow).toBe(true);
    expect(layout.cells).toBe(5000);
    expect(layout.labels).toHaveLength(0);
  });

  it("an empty fleet has no cells", () => {
    expect(layoutWall({ width: 800, height: 600, groups: [], bySite: true }).cells).toBe(0);
  });
});

describe("hitTestWall / cellPosition", () => {
  it("every cell's position hit-tests back to that cell; gaps and headers hit nothing", () => {
    const groups = [{ sites: [{ count: 37 }, { count: 5 }] }, { sites: [{ count: 400 }] }];
    const layout = layoutWall({ width: 900, height: 500, groups, bySite: true });
    expect(layout.cells).toBe(442);
    for (const [g, group] of groups.entries()) {
      for (const [s, site] of group.sites.entries()) {
        for (let i = 0; i < site.count; i++) {
          const p = cellPosition(layout, g, s, i);
          expect(p).not.toBeNull();
          const hit = hitTestWall(layout, p!.x + layout.cell.w / 2, p!.y + layout.cell.h / 2);
          expect(hit).toMatchObject({ group: g, site: s, index: i });
        }
      }
    }
    const header = layout.headers[0]!;
    expect(hitTestWall(layout, header.x + 2, header.y + 2)).toBeNull();
    const first = cellPosition(layout, 0, 0, 0)!;
    if (layout.cell.gap > 0) expect(hitTestWall(layout, first.x + layout.cell.w + layout.cell.gap / 2, first.y + 1)).toBeNull();
    expect(cellPosition(layout, 0, 0, 37)).toBeNull();
  });
});
