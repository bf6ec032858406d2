import { describe, expect, it } from "vitest";
import { numericSeries, originToMs, readingNumber, toReadingView } from "./reading-values";
import { summarizeEdgex } from "./summarize-edgex";

describe("EdgeX reading values", () => {
  it("reads origins in ns, µs, ms or s", () => {
    const ms = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(originToMs(ms * 1e6)).toBe(ms);
    expect(originToMs(ms * 1e3)).toBe(ms);
    expect(originToMs(ms)).toBe(ms);
    expect(originToMs(ms / 1000)).toBe(ms);
  });

  it("parses Go's %e floats and integers, not booleans or strings", () => {
    expect(readingNumber("Float32", "2.296e+01")).toBeCloseTo(22.96);
    expect(readingNumber("Float64", "-2.038811e+38")).toBeCloseTo(-2.038811e38);
    expect(readingNumber("Uint16", "65535")).toBe(65535);
    expect(readingNumber("Bool", "true")).toBeNull();
    expect(readingNumber("String", "42")).toBeNull();
    expect(readingNumber("Int8", "")).toBeNull();
  });

  it("groups numeric readings into series per device and resource, oldest first, without duplicates", () => {
    const base = { deviceName: "T1", profileName: "P", valueType: "Float32", units: "degC" };
    const views = [
      toReadingView({ ...base, id: "b", origin: 2_000_000_000_000_000_000, resourceName: "Temperature", value: "2.2e+01" }),
      toReadingView({ ...base, id: "a", origin: 1_000_000_000_000_000_000, resourceName: "Temperature", value: "2.1e+01" }),
      toReadingView({ ...base, id: "a", origin: 1_000_000_000_000_000_000, resourceName: "Temperature", value: "2.1e+01" }),
      toReadingView({ ...base, id: "c", origin: 1_000_000_000_000_000_000, resourceName: "Mode", valueType: "String", value: "AUTO" }),
    ];
    expect(numericSeries(views)).toEqual([{ deviceName: "T1", resourceName: "Temperature", units: "degC", valueType: "Float32", points: [{ t: 1e12, v: 21 }, { t: 2e12, v: 22 }] }]);
  });
});

describe("summarizeEdgex", () => {
  const svc = (up: boolean | null) => ({ key: "k", known: up !== null, title: null, namespace: "edgex", name: "n", port: 1, probe: up === null ? ("none" as const) : ("v3" as const), up, latencyMs: null, version: null, failure: null });
  it("counts probed services, devices up and the age of the newest reading", () => {
    const now = Date.parse("2026-01-01T00:01:00Z");
    expect(summarizeEdgex([svc(true), svc(false), svc(null)], { up: 3, total: 4 }, "2026-01-01T00:00:30Z", now)).toEqual({
      servicesUp: 1,
      servicesTotal: 2,
      devicesUp: 3,
      devicesTotal: 4,
      lastReadingAt: "2026-01-01T00:00:30.000Z",
      lastReadingAgeSeconds: 30,
    });
    expect(summarizeEdgex([], null, null, now)).toMatchObject({ devicesTotal: 0, lastReadingAt: null, lastReadingAgeSeconds: null });
  });
});
