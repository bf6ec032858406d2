import type { DeviceServiceDef, ProfileDef, ResourceDef } from "./catalog-types";
import type { DeviceRuntime, EdgexWorld } from "./edgex-world";
import { uuidFrom } from "./prng";

// core-metadata's JSON shapes (go-mod-core-contracts dtos), field order as Go emits them
// and empty optional fields omitted the way `omitempty` does.

type Json = Record<string, unknown>;

export function deviceDto(world: EdgexWorld, dev: DeviceRuntime): Json {
  const d = dev.def;
  return {
    created: dev.created,
    modified: dev.created,
    id: dev.id,
    name: d.name,
    description: d.description,
    adminState: d.adminState,
    operatingState: d.operatingState,
    labels: d.labels,
    ...(d.location ? { location: d.location } : {}),
    serviceName: d.serviceName,
    profileName: d.profileName,
    ...(d.autoEvents.length > 0 ? { autoEvents: d.autoEvents } : {}),
    protocols: d.protocols,
    ...(world.release === "4.0" ? { properties: {} } : {}),
  };
}

function resourceDto(r: ResourceDef): Json {
  return {
    description: r.description,
    name: r.name,
    isHidden: r.isHidden,
    properties: {
      valueType: r.valueType,
      readWrite: r.readWrite,
      ...(r.units ? { units: r.units } : {}),
      ...(r.minimum !== undefined ? { minimum: r.minimum } : {}),
      ...(r.maximum !== undefined ? { maximum: r.maximum } : {}),
      ...(r.defaultValue !== undefined ? { defaultValue: r.defaultValue } : {}),
      ...(r.mediaType ? { mediaType: r.mediaType } : {}),
    },
    ...(r.attributes ? { attributes: r.attributes } : {}),
  };
}

export function profileDto(world: EdgexWorld, p: ProfileDef): Json {
  const created = world.bootedAt + 900 + world.profiles.indexOf(p) * 3;
  return {
    created,
    modified: created,
    id: uuidFrom(world.seed, "profile", p.name),
    name: p.name,
    description: p.description,
    manufacturer: p.manufacturer,
    model: p.model,
    labels: p.labels,
    deviceResources: p.resources.map(resourceDto),
    deviceCommands: p.commands.map((c) => ({
      name: c.name,
      isHidden: c.isHidden,
      readWrite: c.readWrite,
      resourceOperations: c.resourceOperations.map((o) => ({
        deviceResource: o.deviceResource,
        ...(o.defaultValue !== undefined ? { defaultValue: o.defaultValue } : {}),
      })),
    })),
  };
}

export function profileBasicInfoDto(world: EdgexWorld, p: ProfileDef): Json {
  return {
    id: uuidFrom(world.seed, "profile", p.name),
    name: p.name,
    manufacturer: p.manufacturer,
    model: p.model,
    description: p.description,
    labels: p.labels,
  };
}

export function resourceOnlyDto(r: ResourceDef): Json {
  return resourceDto(r);
}

export function deviceServiceDto(world: EdgexWorld, s: DeviceServiceDef): Json {
  const created = world.bootedAt + 500 + world.deviceServices.indexOf(s) * 5;
  return {
    created,
    modified: created,
    id: uuidFrom(world.seed, "deviceservice", s.name),
    name: s.name,
    description: s.description,
    labels: s.labels,
    baseAddress: s.baseAddress,
    adminState: s.adminState,
  };
}

/** True when the item carries every requested label (edgex-go intersects label sets). */
export function hasAllLabels(itemLabels: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((l) => itemLabels.includes(l));
}

/** The `labels` query parameter split on commas, empty entries dropped. */
export function labelsParam(query: URLSearchParams): string[] {
  const raw = query.get("labels");
  return raw ? raw.trim().split(",").filter((l) => l !== "") : [];
}
