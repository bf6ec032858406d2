import { describe, expect, it } from "vitest";
import { cellAtFlatIndex, flatIndexOf, moveCell } from "./wall-cursor";

const sizes = [{ sites: [{ count: 3 }, { count: 2 }] }, { sites: [{ count: 4 }] }];

describe("wall keyboard cursor", () => {
  it("maps cells to reading order and back", () => {
    for (let i = 0; i < 9; i++) expect(flatIndexOf(sizes, cellAtFlatIndex(sizes, i)!)).toBe(i);
    expect(cellAtFlatIndex(sizes, 4)).toEqual({ group: 0, site: 1, index: 1 });
    expect(cellAtFlatIndex(sizes, 9)).toBeNull();
  });

  it("moves by cell, row, site and to the ends, clamped; other keys do nothing", () => {
    expect(moveCell(sizes, null, "ArrowRight", 2)).toEqual({ group: 0, site: 0, index: 0 });
    expect(moveCell(sizes, { group: 0, site: 0, index: 2 }, "ArrowRight", 2)).toEqual({ group: 0, site: 1, index: 0 });
    expect(moveCell(sizes, { group: 0, site: 0, index: 0 }, "ArrowLeft", 2)).toEqual({ group: 0, site: 0, index: 0 });
    expect(moveCell(sizes, { group: 0, site: 0, index: 0 }, "ArrowDown", 2)).toEqual({ group: 0, site: 0, index: 2 });
    expect(moveCell(sizes, { group: 0, site: 0, index: 1 }, "PageDown", 2)).toEqual({ group: 0, site: 1, index: 0 });
    expect(moveCell(sizes, { group: 1, site: 0, index: 2 }, "PageUp", 2)).toEqual({ group: 1, site: 0, index: 0 });
    expect(moveCell(sizes, { group: 1, site: 0, index: 0 }, "PageUp", 2)).toEqual({ group: 0, site: 1, index: 0 });
    expect(moveCell(sizes, null, "End", 2)).toEqual({ group: 1, site: 0, index: 3 });
    expect(moveCell(sizes, { group: 1, site: 0, index: 3 }, "ArrowDown", 2)).toEqual({ group: 1, site: 0, index: 3 });
    expect(moveCell(sizes, null, "a", 2)).toBeNull();
    expect(moveCell([], null, "Home", 2)).toBeNull();
  });
});
