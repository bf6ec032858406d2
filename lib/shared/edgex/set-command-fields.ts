import type { TEdgexDeviceResource, TEdgexProfile } from "./edgex-envelopes.schema";

/** A value type the console can edit in a form (arrays, Binary and Object cannot). */
export type TEdgexEditableType = "bool" | "int" | "uint" | "float" | "string";

/** One input of a set command's form, derived from the device profile. */
export interface TEdgexSetField {
  resource: string;
  valueType: string;
  kind: TEdgexEditableType | "unsupported";
  units: string | null;
  minimum: number | null;
  maximum: number | null;
  defaultValue: string | null;
  /** For String resources with mappings: the accepted values. */
  options: string[] | null;
  description: string | null;
}

const INT_BITS = /^(Int|Uint)(8|16|32|64)$/;

/** How the console edits a value type. */
export function editableKind(valueType: string): TEdgexSetField["kind"] {
  if (valueType === "Bool") return "bool";
  if (valueType === "String") return "string";
  if (valueType === "Float32" || valueType === "Float64") return "float";
  const m = INT_BITS.exec(valueType);
  if (m) return m[1] === "Uint" ? "uint" : "int";
  return "unsupported";
}

function toNumber(v: number | string | undefined): number | null {
  if (v === undefined || v === "") return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function writable(resource: TEdgexDeviceResource | undefined): resource is TEdgexDeviceResource {
  return !!resource && resource.properties.readWrite.includes("W");
}

function fieldOf(resource: TEdgexDeviceResource, defaultValue: string | undefined, mappings: Record<string, string> | undefined): TEdgexSetField {
  const p = resource.properties;
  const options = mappings && Object.keys(mappings).length > 0 ? Object.keys(mappings) : null;
  return {
    resource: resource.name,
    valueType: p.valueType,
    kind: editableKind(p.valueType),
    units: p.units || null,
    minimum: toNumber(p.minimum),
    maximum: toNumber(p.maximum),
    defaultValue: defaultValue ?? p.defaultValue ?? null,
    options,
    description: resource.description || null,
  };
}

/**
 * The writable inputs of a set command: the command's resource operations (or the resource
 * itself when core-command exposes a resource as a command), read-only resources left out.
 * Null when the profile has no such writable command.
 */
export function setCommandFields(profile: TEdgexProfile, command: string): TEdgexSetField[] | null {
  const resources = new Map(profile.deviceResources.map((r) => [r.name, r]));
  const deviceCommand = profile.deviceCommands.find((c) => c.name === command);
  if (deviceCommand) {
    if (!deviceCommand.readWrite.includes("W")) return null;
    const fields = deviceCommand.resourceOperations.flatMap((op) => {
      const resource = resources.get(op.deviceResource);
      return writable(resource) ? [fieldOf(resource, op.defaultValue, op.mappings)] : [];
    });
    return fields.length > 0 ? fields : null;
  }
  const resource = resources.get(command);
  return writable(resource) ? [fieldOf(resource, undefined, undefined)] : null;
}
