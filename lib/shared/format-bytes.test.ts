import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("formats in English", () => {
    expect(formatBytes(0, "en")).toBe("0 byte");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(5 * 1024 * 1024 * 1024, "en")).toBe("5 GB");
  });
  it("formats per locale", () => {
    expect(formatBytes(1536, "zh-Hans")).toBe(new Intl.NumberFormat("zh-Hans", { style: "unit", unit: "kilobyte", unitDisplay: "short", maximumFractionDigits: 1 }).format(1.5));
    expect(formatBytes(1536, "de")).toBe("1,5 kB");
  });
  it("refuses nonsense", () => {
    expect(formatBytes(-1, "en")).toBe("—");
    expect(formatBytes(Number.NaN, "en")).toBe("—");
  });
});
