import { describe, expect, it } from "vitest";
import { HEALTH_LEVELS } from "./cluster-health";
import { contrastRatio, HEALTH_COLORS, WALL_BACKGROUND, WALL_MUTED_TEXT, WALL_TEXT } from "./wall-palette";

describe("wall palette contrast", () => {
  it("computes WCAG ratios (black on white is 21:1)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each(HEALTH_LEVELS)("%s: writing on the cell ≥ 4.5:1, the cell against the wall ≥ 3:1", (level) => {
    const { fill, text } = HEALTH_COLORS[level];
    expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(fill, WALL_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it("the wall's text colours stand out from its background (≥ 7:1, AAA)", () => {
    expect(contrastRatio(WALL_TEXT, WALL_BACKGROUND)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(WALL_MUTED_TEXT, WALL_BACKGROUND)).toBeGreaterThanOrEqual(7);
  });

  it("trouble colours differ from healthy green in lightness too (not only hue)", () => {
    for (const level of ["degraded", "warning", "pending"] as const) expect(contrastRatio(HEALTH_COLORS[level].fill, HEALTH_COLORS.ok.fill)).toBeGreaterThanOrEqual(1.8);
  });
});
