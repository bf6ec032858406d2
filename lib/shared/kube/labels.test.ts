import { describe, expect, it } from "vitest";
import { labelChipText, labelsString } from "./labels";

describe("label chips", () => {
  it("show a label without a value as its key alone", () => {
    expect(labelChipText("hvac", "")).toBe("hvac");
    expect(labelChipText("modbus", undefined)).toBe("modbus");
  });
  it("show key=value otherwise", () => {
    expect(labelChipText("env", "prod")).toBe("env=prod");
  });
  it("leave kubectl's own label string as kubectl prints it", () => {
    expect(labelsString({ b: "", a: "1" })).toBe("a=1,b=");
  });
});
