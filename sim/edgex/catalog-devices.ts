import type { DeviceDef, DeviceServiceDef } from "./catalog-types";
import { hash32 } from "./prng";

// The devices and device services core-metadata starts with. device-virtual's five
// devices match its shipped devices.yaml; the field devices vary a little with the seed so
// a fleet of simulated sites does not look cloned, and include one LOCKED and one DOWN
// device so the console's up/total and "last reading" logic has something to show.

const MINUTE = 60_000;

function virtualDevice(name: string, address: string, sources: string[], intervalS: number): DeviceDef {
  return {
    name,
    description: "Example of Device Virtual",
    profileName: name,
    serviceName: "device-virtual",
    labels: ["device-virtual-example"],
    adminState: "UNLOCKED",
    operatingState: "UP",
    protocols: { other: { Address: address, Port: "300" } },
    autoEvents: sources.map((sourceName) => ({ interval: `${intervalS}s`, onChange: false, sourceName })),
    streams: sources.map((sourceName) => ({ sourceName, intervalMs: intervalS * 1000 })),
  };
}

function thermostat(floor: number, seed: number): DeviceDef {
  const host = `10.20.${floor}.${10 + (hash32(seed, "tstat", floor) % 40)}`;
  return {
    name: `Thermostat-Floor${floor}`,
    description: `Thermostat, floor ${floor} open office`,
    profileName: "Thermostat-TH100",
    serviceName: "device-modbus",
    labels: ["modbus", "hvac", `floor-${floor}`],
    adminState: "UNLOCKED",
    operatingState: "UP",
    protocols: { "modbus-tcp": { Address: host, Port: "502", UnitID: String(floor) } },
    autoEvents: [
      { interval: "10s", onChange: false, sourceName: "Climate" },
      { interval: "1m", onChange: false, sourceName: "Settings" },
    ],
    streams: [
      { sourceName: "Climate", intervalMs: 10_000 },
      { sourceName: "Settings", intervalMs: MINUTE },
    ],
    location: { building: "HQ", floor },
  };
}

function powerMeter(name: string, description: string, unit: number, down: boolean): DeviceDef {
  return {
    name,
    description,
    profileName: "PowerMeter-PM500",
    serviceName: "device-modbus",
    labels: ["modbus", "energy", down ? "aux-panel" : "main-panel"],
    adminState: "UNLOCKED",
    operatingState: down ? "DOWN" : "UP",
    protocols: { "modbus-tcp": { Address: `10.20.0.${20 + unit}`, Port: "502", UnitID: String(unit) } },
    autoEvents: [{ interval: "15s", onChange: false, sourceName: "Measurements" }],
    streams: [{ sourceName: "Measurements", intervalMs: 15_000 }],
    ...(down ? { silentForMs: 25 * MINUTE } : {}),
  };
}

function palletScale(n: number, locked: boolean): DeviceDef {
  return {
    name: `Pallet-Scale-0${n}`,
    description: `Pallet scale at loading dock ${String.fromCharCode(64 + n)}`,
    profileName: "Pallet-Scale-PS2000",
    serviceName: "device-rest",
    labels: ["rest", "warehouse", `dock-${String.fromCharCode(96 + n)}`],
    adminState: locked ? "LOCKED" : "UNLOCKED",
    operatingState: "UP",
    protocols: { rest: { ReqId: `scale-0${n}` } },
    // device-rest devices push asynchronously; metadata shows no autoEvents for them.
    autoEvents: [],
    streams: [
      { sourceName: "Weight", intervalMs: 20_000 },
      { sourceName: "Status", intervalMs: 60_000 },
      { sourceName: "Count", intervalMs: 5 * MINUTE },
    ],
    ...(locked ? { silentForMs: 70 * MINUTE } : {}),
  };
}

/** Devices in creation order (which is also core-metadata's listing order). */
export function seedDevices(seed: number): DeviceDef[] {
  const floors = 2 + (hash32(seed, "floors") % 3);
  return [
    virtualDevice("Random-Boolean-Device", "device-virtual-bool-01", ["Bool"], 10),
    virtualDevice("Random-Integer-Device", "device-virtual-int-01", ["Int8", "Int16", "Int32", "Int64"], 15),
    virtualDevice(
      "Random-UnsignedInteger-Device",
      "device-virtual-uint-01",
      ["Uint8", "Uint16", "Uint32", "Uint64"],
      20,
    ),
    virtualDevice("Random-Float-Device", "device-virtual-float-01", ["Float32", "Float64"], 30),
    // device-virtual ships the binary device with its autoEvent commented out.
    virtualDevice("Random-Binary-Device", "device-virtual-binary-01", [], 30),
    ...Array.from({ length: floors }, (_, i) => thermostat(i + 1, seed)),
    powerMeter("Power-Meter-Main", "Main distribution board meter", 1, false),
    powerMeter("Power-Meter-Aux", "Auxiliary panel meter (link lost)", 2, true),
    palletScale(1, false),
    palletScale(2, true),
  ];
}

/** The device services registered in core-metadata. */
export function seedDeviceServices(): DeviceServiceDef[] {
  return [
    {
      name: "device-virtual",
      description: "Device service generating random values for testing",
      baseAddress: "http://edgex-device-virtual:59900",
      labels: ["virtual"],
      adminState: "UNLOCKED",
    },
    {
      name: "device-rest",
      description: "Device service accepting readings pushed over REST",
      baseAddress: "http://edgex-device-rest:59986",
      labels: ["rest"],
      adminState: "UNLOCKED",
    },
    {
      // Registered in metadata like a real site's Modbus service; the simulator answers its
      // commands in-process, so it has no Kubernetes Service of its own.
      name: "device-modbus",
      description: "Device service for Modbus TCP/RTU devices",
      baseAddress: "http://edgex-device-modbus:59901",
      labels: ["modbus"],
      adminState: "UNLOCKED",
    },
  ];
}
