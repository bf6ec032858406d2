import { describe, expect, it } from "vitest";
import type { ResourceDef } from "./catalog-types";
import { formatFloat, numericJson, parseSetValue } from "./value-codec";
import { RawJsonNumber, formatUnixDate, toJson } from "./http-response";

// Value text exactly as EdgeX writes it (Go's strconv and time layouts).

const res = (over: Partial<ResourceDef>): ResourceDef => ({
  name: "R",
  description: "",
  isHidden: false,
  valueType: "Float32",
  readWrite: "RW",
  gen: { kind: "fixed" },
  ...over,
});

describe("value codec", () => {
  it("formats floats like Go's FormatFloat(v, 'e', -1, bits)", () => {
    expect(formatFloat(21.5, "Float32")).toBe("2.15e+01");
    expect(formatFloat(0, "Float64")).toBe("0e+00");
    expect(formatFloat(-2.038811e38, "Float32")).toBe("-2.038811e+38");
    expect(formatFloat(0.1, "Float32")).toBe("1e-01");
    expect(formatFloat(123456.789, "Float64")).toBe("1.23456789e+05");
    expect(formatFloat(1e-7, "Float64")).toBe("1e-07");
  });

  it("parses set values per type and range", () => {
    expect(parseSetValue(res({}), "21.5")).toEqual({ ok: true, value: "2.15e+01" });
    expect(parseSetValue(res({}), 21)).toEqual({ ok: true, value: "2.1e+01" });
    expect(parseSetValue(res({ minimum: 5, maximum: 35 }), "36").ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Float32" }), "1e39").ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Uint8" }), "255")).toEqual({ ok: true, value: "255" });
    expect(parseSetValue(res({ valueType: "Uint8" }), "-1").ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Int64" }), "-9223372036854775808")).toEqual({ ok: true, value: "-9223372036854775808" });
    expect(parseSetValue(res({ valueType: "Int64" }), "9223372036854775808").ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Int16" }), "1.5").ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Bool" }), "T")).toEqual({ ok: true, value: "true" });
    expect(parseSetValue(res({ valueType: "Bool" }), false)).toEqual({ ok: true, value: "false" });
    expect(parseSetValue(res({ valueType: "String" }), "AUTO")).toEqual({ ok: true, value: "AUTO" });
    expect(parseSetValue(res({ valueType: "String" }), { a: 1 }).ok).toBe(false);
    expect(parseSetValue(res({ valueType: "Binary" }), "AAAA").ok).toBe(false);
  });

  it("writes wide integers as exact JSON numbers", () => {
    const n = numericJson("Uint64", "18446744073709551615");
    expect(n).toBeInstanceOf(RawJsonNumber);
    expect(toJson({ value: n, small: numericJson("Int8", "-5"), f: numericJson("Float32", "2.15e+01") })).toBe(
      '{"value":18446744073709551615,"small":-5,"f":21.5}\n',
    );
  });

  it("formats ping timestamps in Go's UnixDate layout", () => {
    expect(formatUnixDate(Date.UTC(2021, 0, 28, 0, 32, 42))).toBe("Thu Jan 28 00:32:42 UTC 2021");
    expect(formatUnixDate(Date.UTC(2025, 5, 3, 9, 5, 7))).toBe("Tue Jun  3 09:05:07 UTC 2025");
  });
});
