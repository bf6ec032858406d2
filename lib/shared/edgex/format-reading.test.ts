import { describe, expect, it } from "vitest";
import { formatReading } from "./format-reading";
import { formatNumberForPeople } from "@/lib/shared/format-number";

describe("formatReading", () => {
  it("parses Go's %e floats and shows them plainly", () => {
    expect(formatReading("2.305e+01", "Float32", "en")).toBe("23.05");
    expect(formatReading("2.305e+01", "Float64", "zh-Hans")).toBe("23.05");
  });
  it("never prints hundreds of digits for random Float64 values", () => {
    const huge = formatReading("1.7976931348623157e+308", "Float64", "en");
    expect(huge).toBe("1.798E308");
    expect(formatReading("-3.4028234663852886e+38", "Float32", "en")).toBe("-3.403E38");
    expect(formatReading("1.401298464324817e-45", "Float32", "en")).toBe("1.401E-45");
    for (const v of ["1.7976931348623157e+308", "123456789012.5", "0.000001234"]) expect(formatReading(v, "Float64", "en").length).toBeLessThanOrEqual(12);
  });
  it("groups integers in the user's locale and keeps small integers exact", () => {
    expect(formatReading("1234567", "Int64", "en")).toBe("1,234,567");
    expect(formatReading("42", "Uint8", "en")).toBe("42");
    expect(formatReading("18446744073709551615", "Uint64", "en")).toBe("1.845E19");
  });
  it("uses the profile's precision when given", () => {
    expect(formatReading("2.3e+01", "Float32", "en", 2)).toBe("23.00");
    expect(formatNumberForPeople(0.25, "en", 1)).toBe("0.3");
  });
  it("leaves non-numeric values alone", () => {
    expect(formatReading("true", "Bool", "en")).toBe("true");
    expect(formatReading("ok", "String", "en")).toBe("ok");
    expect(formatReading("not-a-number", "Float32", "en")).toBe("not-a-number");
    expect(formatReading(null, "Float32", "en")).toBe("—");
  });
});
