import type { CommandDef, ProfileDef, ResourceDef, ValueType } from "./catalog-types";

// The profiles device-virtual ships (cmd/res/profiles of device-virtual-go, v3 format):
// each random resource is RW, paired with a hidden write-only EnableRandomization_*
// flag and a Write<Resource>Value command that pins the value (flag defaults to false).

const VIRTUAL_LABELS = ["device-virtual-example"];

function randomPair(valueType: ValueType, defaultValue: string): { resources: ResourceDef[]; command: CommandDef } {
  const flag = `EnableRandomization_${valueType}`;
  return {
    resources: [
      {
        name: flag,
        description: "used to decide whether to re-generate a random value",
        isHidden: true,
        valueType: "Bool",
        readWrite: "W",
        defaultValue: "true",
        gen: { kind: "fixed" },
      },
      {
        name: valueType,
        description: `Generate random ${valueType.toLowerCase()} value`,
        isHidden: false,
        valueType,
        readWrite: "RW",
        defaultValue,
        gen: { kind: "random" },
        randomizationFlag: flag,
      },
    ],
    command: {
      name: `Write${valueType}Value`,
      isHidden: false,
      readWrite: "W",
      resourceOperations: [{ deviceResource: valueType }, { deviceResource: flag, defaultValue: "false" }],
    },
  };
}

function virtualProfile(name: string, types: ValueType[], defaultValue: string): ProfileDef {
  const pairs = types.map((t) => randomPair(t, defaultValue));
  return {
    name,
    description: "Example of Device-Virtual",
    manufacturer: "IOTech",
    model: "Device-Virtual-01",
    labels: VIRTUAL_LABELS,
    resources: pairs.flatMap((p) => p.resources),
    commands: pairs.map((p) => p.command),
  };
}

const binaryProfile: ProfileDef = {
  name: "Random-Binary-Device",
  description: "Example of Device-Virtual",
  manufacturer: "IOTech",
  model: "Device-Virtual-01",
  labels: VIRTUAL_LABELS,
  resources: [
    {
      name: "Binary",
      description: "Generate random binary value",
      isHidden: false,
      valueType: "Binary",
      readWrite: "R",
      mediaType: "application/octet-stream",
      gen: { kind: "random" },
    },
  ],
  commands: [],
};

// Built once and shared read-only by every deployment in the process.
const PROFILES: readonly ProfileDef[] = [
  virtualProfile("Random-Boolean-Device", ["Bool"], "true"),
  virtualProfile("Random-Integer-Device", ["Int8", "Int16", "Int32", "Int64"], "0"),
  virtualProfile("Random-UnsignedInteger-Device", ["Uint8", "Uint16", "Uint32", "Uint64"], "0"),
  virtualProfile("Random-Float-Device", ["Float32", "Float64"], "0"),
  binaryProfile,
];

/** The five device-virtual profiles (shared; never mutate). */
export function virtualProfiles(): readonly ProfileDef[] {
  return PROFILES;
}
