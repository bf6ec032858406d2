import { MESSAGES } from "./descriptors";

// The compact descriptor lines of descriptors.ts, parsed on first use.

export type Scalar = "s" | "y" | "b" | "i32" | "i64" | "d" | "f";

export interface FieldDesc {
  name: string;
  number: number;
  /** A scalar code or a message name. */
  type: string;
  repeated: boolean;
  /** map<string, type>: entries are messages with key = 1 and value = 2. */
  map: boolean;
  /** An embedded Go struct: its fields sit in the parent's JSON object. */
  inline: boolean;
  /** A non-pointer number or bool with omitempty: JSON leaves it out when zero. */
  omitZero: boolean;
}

export interface MessageDesc {
  name: string;
  fields: FieldDesc[];
  byNumber: Map<number, FieldDesc>;
  byName: Map<string, FieldDesc>;
  /** Its JSON form is the repeated `items` field alone (Verbs, ExtraValue). */
  wrapper: boolean;
}

const SCALARS = new Set(["s", "y", "b", "i32", "i64", "d", "f"]);
const cache = new Map<string, MessageDesc>();

export function isScalar(type: string): type is Scalar {
  return SCALARS.has(type);
}

/** The descriptor of a message, or undefined when the simulator has none. */
export function messageDesc(name: string): MessageDesc | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  let line = MESSAGES[name];
  if (line === undefined) return undefined;
  const wrapper = line.startsWith("~ ");
  if (wrapper) line = line.slice(2);
  const fields: FieldDesc[] = [];
  for (const part of line.split(" ").filter(Boolean)) {
    const m = part.match(/^(\w+)=(\d+):([*^?]?)(\{?)([\w.]+)\}?$/);
    if (!m) throw new Error(`bad descriptor for ${name}: ${part}`);
    fields.push({ name: m[1] ?? "", number: Number(m[2]), repeated: m[3] === "*", inline: m[3] === "^", omitZero: m[3] === "?", map: m[4] === "{", type: m[5] ?? "" });
  }
  const desc: MessageDesc = { name, fields, wrapper, byNumber: new Map(fields.map((f) => [f.number, f])), byName: new Map(fields.map((f) => [f.name, f])) };
  cache.set(name, desc);
  return desc;
}

/**
 * The message of a kind: `apps/v1` + `Deployment` → `apps.v1.Deployment`; the core group is
 * `core`, other groups are named by their first label (`rbac.authorization.k8s.io` → `rbac`).
 * The option kinds (DeleteOptions…) are meta/v1 whatever group version carries them.
 */
export function messageOfKind(apiVersion: string, kind: string): string | undefined {
  if (/^(DeleteOptions|CreateOptions|UpdateOptions|PatchOptions|Status)$/.test(kind)) return MESSAGES[`meta.v1.${kind}`] !== undefined ? `meta.v1.${kind}` : undefined;
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const pkg = group === "" ? "core" : (group.split(".")[0] ?? "");
  const name = `${pkg}.${version}.${kind}`;
  return MESSAGES[name] !== undefined ? name : undefined;
}
