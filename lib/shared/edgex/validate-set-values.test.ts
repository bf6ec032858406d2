import { describe, expect, it } from "vitest";
import { ZEdgexProfileSchema } from "./edgex-envelopes.schema";
import { setCommandFields } from "./set-command-fields";
import { describeSetValueIssue, validateSetValues } from "./validate-set-values";

const profile = ZEdgexProfileSchema.parse({
  name: "Thermostat-TH100",
  deviceResources: [
    { name: "Temperature", properties: { valueType: "Float32", readWrite: "R", units: "degC" } },
    { name: "SetPoint", properties: { valueType: "Float32", readWrite: "RW", units: "degC", minimum: 5, maximum: 35, defaultValue: "21.0" } },
    { name: "FanMode", properties: { valueType: "String", readWrite: "RW" } },
    { name: "Power", properties: { valueType: "Bool", readWrite: "RW" } },
    { name: "Level", properties: { valueType: "Uint8", readWrite: "W", maximum: "200" } },
    { name: "Counter", properties: { valueType: "Int64", readWrite: "RW" } },
    { name: "Blob", properties: { valueType: "Binary", readWrite: "RW" } },
  ],
  deviceCommands: [
    { name: "Climate", readWrite: "R", resourceOperations: [{ deviceResource: "Temperature" }] },
    { name: "Settings", readWrite: "RW", resourceOperations: [{ deviceResource: "Temperature" }, { deviceResource: "SetPoint" }, { deviceResource: "FanMode", mappings: { AUTO: "0", HIGH: "2" } }, { deviceResource: "Power" }] },
  ],
});

describe("set command fields from a profile", () => {
  it("lists the writable resources of a command, read-only ones left out", () => {
    const fields = setCommandFields(profile, "Settings")!;
    expect(fields.map((f) => [f.resource, f.kind])).toEqual([["SetPoint", "float"], ["FanMode", "string"], ["Power", "bool"]]);
    expect(fields[0]).toMatchObject({ units: "degC", minimum: 5, maximum: 35, defaultValue: "21.0" });
    expect(fields[1]?.options).toEqual(["AUTO", "HIGH"]);
  });

  it("treats a writable resource as its own command, and refuses read-only commands", () => {
    expect(setCommandFields(profile, "Level")?.[0]).toMatchObject({ kind: "uint", maximum: 200 });
    expect(setCommandFields(profile, "Climate")).toBeNull();
    expect(setCommandFields(profile, "Temperature")).toBeNull();
    expect(setCommandFields(profile, "Nope")).toBeNull();
    expect(setCommandFields(profile, "Blob")?.[0]?.kind).toBe("unsupported");
  });
});

describe("validateSetValues", () => {
  const fields = [...setCommandFields(profile, "Settings")!, ...setCommandFields(profile, "Level")!, ...setCommandFields(profile, "Counter")!, ...setCommandFields(profile, "Blob")!];

  it("converts valid values to EdgeX's strings", () => {
    expect(validateSetValues(fields, { SetPoint: 22.5, FanMode: "HIGH", Power: "False", Level: "200", Counter: "-9223372036854775808" })).toEqual({
      ok: true,
      body: { SetPoint: "22.5", FanMode: "HIGH", Power: "false", Level: "200", Counter: "-9223372036854775808" },
    });
    expect(validateSetValues(fields, { Power: true, SetPoint: "5" })).toEqual({ ok: true, body: { Power: "true", SetPoint: "5" } });
  });

  it("names every bad value", () => {
    const result = validateSetValues(fields, { SetPoint: 36, FanMode: "TURBO", Power: "yes", Level: 1.5, Counter: "9223372036854775808", Blob: "x", Temperature: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(Object.entries(result.issues).map(([k, v]) => [k, describeSetValueIssue(v)]))).toEqual({
      SetPoint: "must be between 5 and 35",
      FanMode: "must be one of AUTO, HIGH",
      Power: "must be true or false",
      Level: "must be a whole number",
      Counter: "must be between -9223372036854775808 and 9223372036854775807",
      Blob: "has value type Binary, which the console cannot set",
      Temperature: "is not a writable resource of this command",
    });
    expect(validateSetValues(fields, { Level: 201 })).toMatchObject({ ok: false, issues: { Level: { code: "out_of_range", min: "0", max: "200" } } });
    expect(validateSetValues(fields, { SetPoint: "" })).toMatchObject({ ok: false, issues: { SetPoint: { code: "not_number" } } });
  });
});
