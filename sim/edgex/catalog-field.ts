import type { ProfileDef } from "./catalog-types";

// Profiles of "real" field devices: Modbus thermostats and power meters (device-modbus)
// and REST pallet scales (device-rest). They give the console smooth numeric series with
// units, read-only sensors next to writable setpoints, and multi-resource commands.

const MINUTE = 60_000;

function modbusAttrs(table: string, address: number, rawType: string): Record<string, string> {
  // The 3.1 OpenAPI types attribute values as strings, so numbers are written as strings.
  return { primaryTable: table, startingAddress: String(address), rawType };
}

const thermostat: ProfileDef = {
  name: "Thermostat-TH100",
  description: "Room thermostat with humidity sensor (Modbus TCP)",
  manufacturer: "Acme Controls",
  model: "TH-100",
  labels: ["modbus", "hvac"],
  resources: [
    {
      name: "Temperature",
      description: "Room temperature",
      isHidden: false,
      valueType: "Float32",
      readWrite: "R",
      units: "degC",
      minimum: -40,
      maximum: 85,
      attributes: modbusAttrs("INPUT_REGISTERS", 0, "INT16"),
      gen: { kind: "wave", base: 21.5, amplitude: 1.6, periodMs: 45 * MINUTE, noise: 0.15, decimals: 2 },
    },
    {
      name: "Humidity",
      description: "Relative humidity",
      isHidden: false,
      valueType: "Float32",
      readWrite: "R",
      units: "%RH",
      minimum: 0,
      maximum: 100,
      attributes: modbusAttrs("INPUT_REGISTERS", 1, "UINT16"),
      gen: { kind: "wave", base: 44, amplitude: 6, periodMs: 120 * MINUTE, noise: 0.8, decimals: 1 },
    },
    {
      name: "SetPoint",
      description: "Target temperature",
      isHidden: false,
      valueType: "Float32",
      readWrite: "RW",
      units: "degC",
      minimum: 5,
      maximum: 35,
      defaultValue: "21.0",
      attributes: modbusAttrs("HOLDING_REGISTERS", 10, "INT16"),
      gen: { kind: "fixed" },
    },
    {
      name: "FanMode",
      description: "Fan mode: AUTO, LOW, HIGH or OFF",
      isHidden: false,
      valueType: "String",
      readWrite: "RW",
      defaultValue: "AUTO",
      attributes: modbusAttrs("HOLDING_REGISTERS", 11, "UINT16"),
      gen: { kind: "fixed" },
    },
    {
      name: "Power",
      description: "Heating/cooling enabled",
      isHidden: false,
      valueType: "Bool",
      readWrite: "RW",
      defaultValue: "true",
      attributes: modbusAttrs("COILS", 0, "BOOL"),
      gen: { kind: "fixed" },
    },
    {
      name: "Uptime",
      description: "Controller uptime counter",
      isHidden: true,
      valueType: "Uint32",
      readWrite: "R",
      units: "s",
      attributes: modbusAttrs("INPUT_REGISTERS", 20, "UINT32"),
      gen: { kind: "counter", start: 86_400, perHour: 3600, decimals: 0 },
    },
  ],
  commands: [
    {
      name: "Climate",
      isHidden: false,
      readWrite: "R",
      resourceOperations: [{ deviceResource: "Temperature" }, { deviceResource: "Humidity" }],
    },
    {
      name: "Settings",
      isHidden: false,
      readWrite: "RW",
      resourceOperations: [
        { deviceResource: "SetPoint" },
        { deviceResource: "FanMode" },
        { deviceResource: "Power" },
      ],
    },
  ],
};

const powerMeter: ProfileDef = {
  name: "PowerMeter-PM500",
  description: "Three-phase energy meter (Modbus TCP)",
  manufacturer: "Acme Energy",
  model: "PM-500",
  labels: ["modbus", "energy"],
  resources: [
    {
      name: "Voltage",
      description: "Line voltage L1-N",
      isHidden: false,
      valueType: "Float32",
      readWrite: "R",
      units: "V",
      attributes: modbusAttrs("INPUT_REGISTERS", 0, "FLOAT32"),
      gen: { kind: "wave", base: 230, amplitude: 2.5, periodMs: 17 * MINUTE, noise: 0.6, decimals: 1 },
    },
    {
      name: "Current",
      description: "Line current L1",
      isHidden: false,
      valueType: "Float32",
      readWrite: "R",
      units: "A",
      attributes: modbusAttrs("INPUT_REGISTERS", 2, "FLOAT32"),
      gen: { kind: "wave", base: 14, amplitude: 5, periodMs: 60 * MINUTE, noise: 0.4, decimals: 2 },
    },
    {
      name: "ActivePower",
      description: "Total active power",
      isHidden: false,
      valueType: "Float32",
      readWrite: "R",
      units: "kW",
      attributes: modbusAttrs("INPUT_REGISTERS", 4, "FLOAT32"),
      gen: { kind: "wave", base: 9.5, amplitude: 3.2, periodMs: 60 * MINUTE, noise: 0.3, decimals: 2 },
    },
    {
      name: "EnergyTotal",
      description: "Imported active energy",
      isHidden: false,
      valueType: "Float64",
      readWrite: "R",
      units: "kWh",
      attributes: modbusAttrs("INPUT_REGISTERS", 6, "FLOAT64"),
      gen: { kind: "counter", start: 48_211.5, perHour: 9.5, decimals: 3 },
    },
    {
      name: "Relay",
      description: "Load relay closed",
      isHidden: false,
      valueType: "Bool",
      readWrite: "RW",
      defaultValue: "true",
      attributes: modbusAttrs("COILS", 0, "BOOL"),
      gen: { kind: "fixed" },
    },
  ],
  commands: [
    {
      name: "Measurements",
      isHidden: false,
      readWrite: "R",
      resourceOperations: [
        { deviceResource: "Voltage" },
        { deviceResource: "Current" },
        { deviceResource: "ActivePower" },
        { deviceResource: "EnergyTotal" },
      ],
    },
  ],
};

const palletScale: ProfileDef = {
  name: "Pallet-Scale-PS2000",
  description: "Floor scale pushing weights over REST",
  manufacturer: "Acme Weighing",
  model: "PS-2000",
  labels: ["rest", "warehouse"],
  resources: [
    {
      name: "Weight",
      description: "Net weight on the platform",
      isHidden: false,
      valueType: "Float64",
      readWrite: "R",
      units: "kg",
      minimum: 0,
      maximum: 2000,
      gen: { kind: "wave", base: 640, amplitude: 420, periodMs: 23 * MINUTE, noise: 12, decimals: 1 },
    },
    {
      name: "Tare",
      description: "Tare weight subtracted from the gross weight",
      isHidden: false,
      valueType: "Float64",
      readWrite: "RW",
      units: "kg",
      minimum: 0,
      maximum: 500,
      defaultValue: "25.0",
      gen: { kind: "fixed" },
    },
    {
      name: "Status",
      description: "Scale status",
      isHidden: false,
      valueType: "String",
      readWrite: "R",
      gen: { kind: "choice", values: ["OK", "UNSTABLE", "OVERLOAD"], firstWeight: 0.9 },
    },
    {
      name: "Count",
      description: "Pallets weighed since midnight",
      isHidden: false,
      valueType: "Int32",
      readWrite: "R",
      gen: { kind: "counter", start: 12, perHour: 18, decimals: 0 },
    },
  ],
  commands: [],
};

const PROFILES: readonly ProfileDef[] = [thermostat, powerMeter, palletScale];

/** Field-device profiles served next to device-virtual's (shared; never mutate). */
export function fieldProfiles(): readonly ProfileDef[] {
  return PROFILES;
}
