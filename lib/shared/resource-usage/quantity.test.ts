import { describe, expect, it } from "vitest";
import { cpuNanocores, formatTopCpu, formatTopMemory, memoryBytes, parseQuantity, topMillicores, topPercent } from "./quantity";

describe("quantities", () => {
  it("parses decimal, binary, milli/nano and exponent forms", () => {
    expect(parseQuantity("250m")).toBeCloseTo(0.25);
    expect(cpuNanocores("123456n")).toBe(123456);
    expect(cpuNanocores("2")).toBe(2e9);
    expect(cpuNanocores("1.5")).toBe(1.5e9);
    expect(memoryBytes("18432Ki")).toBe(18432 * 1024);
    expect(memoryBytes("1Gi")).toBe(2 ** 30);
    expect(memoryBytes("1G")).toBe(1e9);
    expect(memoryBytes("2e3")).toBe(2000);
    expect(memoryBytes("100m")).toBe(1);
    expect(parseQuantity("12 Mi")).toBeNull();
    expect(parseQuantity("Mi")).toBeNull();
    expect(cpuNanocores("bogus")).toBe(0);
  });

  it("formats like kubectl top: millicores rounded up, MiB rounded down, integer percent", () => {
    expect(topMillicores(1)).toBe(1);
    expect(formatTopCpu(3_000_001)).toBe("4m");
    expect(formatTopCpu(0)).toBe("0m");
    expect(formatTopMemory(18 * 2 ** 20 + 1023)).toBe("18Mi");
    expect(topPercent(199, 2000)).toBe("9%");
    expect(topPercent(5, 0)).toBe("");
  });
});
