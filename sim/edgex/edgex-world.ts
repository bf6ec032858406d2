import { seedDevices, seedDeviceServices } from "./catalog-devices";
import { fieldProfiles } from "./catalog-field";
import type { DeviceDef, DeviceServiceDef, ProfileDef, ResourceDef } from "./catalog-types";
import { virtualProfiles } from "./catalog-virtual";
import { hash32, uuidFrom } from "./prng";
import type { EdgexRelease } from "./types";
import { generateBinary, generateValue } from "./value-generator";

// The state one simulated EdgeX deployment shares between its services: the metadata
// catalogue, per-device value overrides written by set commands, and the few events that
// were really pushed (command reads with ds-pushevent, device-rest posts). Everything
// else core-data serves is recomputed from (seed, clock) on demand.

/** Readings kept per device, like core-data's retention: the newest 1,000. */
export const EVENTS_PER_DEVICE = 1000;
const PUSHED_PER_DEVICE = 100;
const OVERRIDES_PER_RESOURCE = 200;
/** The simulated stack has been up this long when the deployment is created. */
export const UPTIME_AT_CREATION_MS = 2 * 60 * 60_000;

export interface SimReading {
  id: string;
  origin: number;
  deviceName: string;
  resourceName: string;
  profileName: string;
  valueType: string;
  units?: string;
  value?: string;
  binaryValue?: string;
  mediaType?: string;
}

export interface SimEvent {
  id: string;
  deviceName: string;
  profileName: string;
  sourceName: string;
  /** Nanoseconds since the epoch, as EdgeX stores origins. */
  origin: number;
  readings: SimReading[];
}

export interface StreamRuntime {
  sourceName: string;
  intervalMs: number;
  anchorMs: number;
  resources: ResourceDef[];
  /** How many of this stream's newest events core-data still holds. */
  cap: number;
}

export interface DeviceRuntime {
  def: DeviceDef;
  profile: ProfileDef;
  index: number;
  id: string;
  created: number;
  streams: StreamRuntime[];
  /** Events stop after this instant (device DOWN or LOCKED); Infinity when live. */
  stopAtMs: number;
  /** Set-command effects per resource, created on the first set. */
  overrides: Map<string, Array<{ fromMs: number; value: string | null }>> | null;
  pushed: SimEvent[];
}

export interface EdgexWorld {
  release: EdgexRelease;
  seed: number;
  now: () => number;
  createdAt: number;
  bootedAt: number;
  profiles: ProfileDef[];
  devices: DeviceRuntime[];
  deviceServices: DeviceServiceDef[];
  /** Counts command reads so two reads at the same instant still sample anew. */
  commandSeq: number;
  /** Service keys currently faulted "down" (core-keeper reports them as DOWN). */
  down: Set<string>;
}

const sourceCache = new Map<string, ResourceDef[] | null>();

/** The readable resources an event of this source carries (a command's or a resource's). */
export function sourceResources(profile: ProfileDef, sourceName: string): ResourceDef[] | null {
  // Profiles are shared and immutable, so the answer is cached process-wide.
  const key = `${profile.name}\u0000${sourceName}`;
  const hit = sourceCache.get(key);
  if (hit !== undefined) return hit;
  const found = computeSourceResources(profile, sourceName);
  sourceCache.set(key, found);
  return found;
}

function computeSourceResources(profile: ProfileDef, sourceName: string): ResourceDef[] | null {
  const command = profile.commands.find((c) => c.name === sourceName);
  const names = command ? command.resourceOperations.map((o) => o.deviceResource) : [sourceName];
  const resources = names
    .map((n) => profile.resources.find((r) => r.name === n))
    .filter((r): r is ResourceDef => r !== undefined && r.readWrite !== "W");
  return resources.length > 0 ? resources : null;
}

function buildDevice(def: DeviceDef, index: number, profiles: ProfileDef[], seed: number, createdAt: number, bootedAt: number): DeviceRuntime {
  const profile = profiles.find((p) => p.name === def.profileName);
  if (!profile) throw new Error(`catalog error: profile ${def.profileName} missing for ${def.name}`);
  const streams: StreamRuntime[] = def.streams.flatMap((s) => {
    const resources = sourceResources(profile, s.sourceName);
    if (!resources) throw new Error(`catalog error: source ${s.sourceName} of ${def.name} has no readable resource`);
    const phase = hash32(seed, def.name, s.sourceName, "phase") % s.intervalMs;
    return [{ ...s, anchorMs: bootedAt + phase, resources, cap: 0 }];
  });
  for (const s of streams) s.cap = Math.floor(EVENTS_PER_DEVICE / streams.length);
  return {
    def,
    profile,
    index,
    id: uuidFrom(seed, "device", def.name),
    created: bootedAt + 1500 + index * 7,
    streams,
    stopAtMs: def.silentForMs !== undefined ? createdAt - def.silentForMs : Infinity,
    overrides: null,
    pushed: [],
  };
}

/**
 * Builds the deterministic world of one deployment. `createdAt` anchors the timeline; it
 * is passed in because deployments build their world lazily, on first request.
 */
export function createWorld(release: EdgexRelease, seed: number, now: () => number, createdAt = Math.floor(now())): EdgexWorld {
  const bootedAt = createdAt - UPTIME_AT_CREATION_MS;
  const profiles = [...virtualProfiles(), ...fieldProfiles()];
  const devices = seedDevices(seed).map((d, i) => buildDevice(d, i, profiles, seed, createdAt, bootedAt));
  return { release, seed, now, createdAt, bootedAt, profiles, devices, deviceServices: seedDeviceServices(), commandSeq: 0, down: new Set() };
}

/** The value a resource reports at tMs: the latest operator override, else the generator. */
export function valueAt(world: EdgexWorld, dev: DeviceRuntime, res: ResourceDef, tMs: number, sample: number | string): string {
  const timeline = dev.overrides?.get(res.name);
  if (timeline) {
    for (let i = timeline.length - 1; i >= 0; i--) {
      const entry = timeline[i];
      if (entry && entry.fromMs <= tMs) {
        if (entry.value !== null) return entry.value;
        break;
      }
    }
  }
  return generateValue(res, { seed: world.seed, device: dev.def.name, tMs, sample, bootedAt: world.bootedAt });
}

/** Records a set command's effect; value null hands the resource back to its generator. */
export function pushOverride(dev: DeviceRuntime, resource: string, fromMs: number, value: string | null): void {
  dev.overrides ??= new Map();
  const timeline = dev.overrides.get(resource) ?? [];
  timeline.push({ fromMs, value });
  if (timeline.length > OVERRIDES_PER_RESOURCE) timeline.shift();
  dev.overrides.set(resource, timeline);
}

/** Builds the event a device emits for `sourceName` at tMs. */
export function buildEvent(world: EdgexWorld, dev: DeviceRuntime, sourceName: string, resources: ResourceDef[], tMs: number, sample: number | string): SimEvent {
  const origin = tMs * 1_000_000;
  const base = { deviceName: dev.def.name, profileName: dev.profile.name };
  const readings = resources.map((res): SimReading => {
    const common = {
      id: uuidFrom(world.seed, dev.def.name, sourceName, tMs, sample, res.name),
      origin,
      ...base,
      resourceName: res.name,
      valueType: res.valueType,
      ...(res.units ? { units: res.units } : {}),
    };
    if (res.valueType === "Binary") {
      const ctx = { seed: world.seed, device: dev.def.name, tMs, sample, bootedAt: world.bootedAt };
      return { ...common, binaryValue: generateBinary(res, ctx), mediaType: res.mediaType ?? "application/octet-stream" };
    }
    return { ...common, value: valueAt(world, dev, res, tMs, sample) };
  });
  return { id: eventId(world, dev, sourceName, tMs, sample), ...base, sourceName, origin, readings };
}

/** The id of the event a device emits for a source at an instant (stable across reads). */
export function eventId(world: EdgexWorld, dev: DeviceRuntime, sourceName: string, tMs: number, sample: number | string): string {
  return uuidFrom(world.seed, dev.def.name, sourceName, tMs, sample);
}

/** Stores an event that was really pushed to core-data, keeping the per-device bound. */
export function storePushedEvent(dev: DeviceRuntime, event: SimEvent): void {
  dev.pushed.push(event);
  dev.pushed.sort((a, b) => a.origin - b.origin);
  if (dev.pushed.length > PUSHED_PER_DEVICE) dev.pushed.splice(0, dev.pushed.length - PUSHED_PER_DEVICE);
}

export function findDevice(world: EdgexWorld, name: string): DeviceRuntime | undefined {
  return world.devices.find((d) => d.def.name === name);
}
