// The static shape of a simulated EdgeX deployment: device profiles, devices and device
// services as core-metadata stores them, plus how each resource's values are produced.

export type ValueType =
  | "Bool"
  | "String"
  | "Uint8"
  | "Uint16"
  | "Uint32"
  | "Uint64"
  | "Int8"
  | "Int16"
  | "Int32"
  | "Int64"
  | "Float32"
  | "Float64"
  | "Binary";

export type ReadWrite = "R" | "W" | "RW";

/** How a resource's value evolves when nobody has set it. */
export type Generator =
  /** Uniform over [minimum, maximum] or the whole type range, as device-virtual does. */
  | { kind: "random" }
  /** A smooth physical signal: base + amplitude·sin + noise, rounded. */
  | { kind: "wave"; base: number; amplitude: number; periodMs: number; noise: number; decimals: number }
  /** A monotonic meter (kWh) growing with time since boot. */
  | { kind: "counter"; start: number; perHour: number; decimals: number }
  /** One of a few strings, mostly the first. */
  | { kind: "choice"; values: string[]; firstWeight: number }
  /** The default value until an operator sets another. */
  | { kind: "fixed" };

export interface ResourceDef {
  name: string;
  description: string;
  isHidden: boolean;
  valueType: ValueType;
  readWrite: ReadWrite;
  units?: string;
  minimum?: number;
  maximum?: number;
  defaultValue?: string;
  mediaType?: string;
  attributes?: Record<string, string>;
  gen: Generator;
  /** device-virtual: the hidden EnableRandomization_* resource that governs this one. */
  randomizationFlag?: string;
}

export interface ResourceOperationDef {
  deviceResource: string;
  defaultValue?: string;
}

export interface CommandDef {
  name: string;
  isHidden: boolean;
  readWrite: ReadWrite;
  resourceOperations: ResourceOperationDef[];
}

export interface ProfileDef {
  name: string;
  description: string;
  manufacturer: string;
  model: string;
  labels: string[];
  resources: ResourceDef[];
  commands: CommandDef[];
}

export interface AutoEventDef {
  interval: string;
  onChange: boolean;
  sourceName: string;
}

/** A source of generated events: an autoEvent, or a device-rest push loop. */
export interface StreamDef {
  sourceName: string;
  intervalMs: number;
}

export interface DeviceDef {
  name: string;
  description: string;
  profileName: string;
  serviceName: string;
  labels: string[];
  adminState: "LOCKED" | "UNLOCKED";
  operatingState: "UP" | "DOWN" | "UNKNOWN";
  protocols: Record<string, Record<string, string>>;
  autoEvents: AutoEventDef[];
  streams: StreamDef[];
  location?: Record<string, string | number>;
  /** Readings stop this many ms before the deployment is created (device went down/locked). */
  silentForMs?: number;
}

export interface DeviceServiceDef {
  name: string;
  description: string;
  baseAddress: string;
  labels: string[];
  adminState: "LOCKED" | "UNLOCKED";
}
