import { isScalar, messageDesc, messageOfKind, type FieldDesc } from "./schema";
import { WIRE, WireError, WireReader } from "./wire";

// Protobuf → the JSON form the apiserver would have received, driven by the descriptors.
// Scalars the Go marshaller always writes (empty strings of non-pointer fields) are left
// out, so the result looks like what a JSON client sends.

/** `k8s\0`: the prefix of every Kubernetes protobuf document. */
export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function goTime(seconds: bigint, nanos: number, micro: boolean): Json {
  if (seconds === 0n && nanos === 0) return null;
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, "0")}Z` : `${iso}Z`;
}

function parseRawJson(raw: Buffer): Json {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString("utf8")) as Json;
  } catch {
    throw new WireError("embedded raw object is not JSON");
  }
}

/** Types whose JSON form is not an object of their fields. */
function decodeSpecial(type: string, r: WireReader): Json | undefined {
  switch (type) {
    case "meta.v1.Time":
    case "meta.v1.MicroTime": {
      const o = decodeFields(type, r) as { seconds?: number; nanos?: number };
      return goTime(BigInt(o.seconds ?? 0), o.nanos ?? 0, type === "meta.v1.MicroTime");
    }
    case "resource.Quantity":
      return (decodeFields(type, r) as { string?: string }).string ?? "0";
    case "intstr.IntOrString": {
      const o = decodeFields(type, r) as { type?: number; intVal?: number; strVal?: string };
      return o.type === 1 ? (o.strVal ?? "") : (o.intVal ?? 0);
    }
    case "meta.v1.FieldsV1":
      return parseRawJson(readRawField(r));
    case "runtime.RawExtension":
      return parseRawJson(readRawField(r));
    default:
      return undefined;
  }
}

/** The bytes of field 1 (FieldsV1.Raw, RawExtension.raw). */
function readRawField(r: WireReader): Buffer {
  let out: Buffer = Buffer.alloc(0);
  while (!r.done()) {
    const { field, wire } = r.key();
    if (field === 1 && wire === WIRE.bytes) out = r.bytes();
    else r.skip(wire);
  }
  return out;
}

function scalar(type: string, wire: number, r: WireReader): Json {
  switch (type) {
    case "s":
      return r.bytes().toString("utf8");
    case "y":
      return r.bytes().toString("base64");
    case "b":
      return r.varint() !== 0n;
    case "i32":
      return Number(BigInt.asIntN(32, r.varint()));
    case "i64":
      return Number(BigInt.asIntN(64, r.varint()));
    case "d":
      return wire === WIRE.fixed64 ? r.fixed(8).readDoubleLE(0) : 0;
    case "f":
      return wire === WIRE.fixed32 ? r.fixed(4).readFloatLE(0) : 0;
    default:
      throw new WireError(`unknown scalar ${type}`);
  }
}

function value(f: FieldDesc, wire: number, r: WireReader): Json {
  if (isScalar(f.type)) return scalar(f.type, wire, r);
  if (wire !== WIRE.bytes) throw new WireError(`field ${f.name} must be length-delimited`);
  const sub = r.bytes();
  return decodeMessage(f.type, new WireReader(sub));
}

function mapEntry(f: FieldDesc, r: WireReader): [string, Json] {
  const e = new WireReader(r.bytes());
  let key = "";
  let val: Json = isScalar(f.type) ? (f.type === "s" || f.type === "y" ? "" : 0) : null;
  while (!e.done()) {
    const { field, wire } = e.key();
    if (field === 1) key = e.bytes().toString("utf8");
    else if (field === 2) val = value(f, wire, e);
    else e.skip(wire);
  }
  return [key, val];
}

function decodeFields(type: string, r: WireReader): Record<string, Json> {
  const desc = messageDesc(type);
  if (!desc) throw new WireError(`no descriptor for ${type}`);
  const out: Record<string, Json> = {};
  while (!r.done()) {
    const { field, wire } = r.key();
    const f = desc.byNumber.get(field);
    if (!f) {
      r.skip(wire);
      continue;
    }
    if (f.map) {
      const [k, v] = mapEntry(f, r);
      const m = (out[f.name] ??= {}) as Record<string, Json>;
      m[k] = v;
    } else if (f.repeated) {
      const list = (out[f.name] ??= []) as Json[];
      if (wire === WIRE.bytes && isScalar(f.type) && f.type !== "s" && f.type !== "y") {
        const packed = new WireReader(r.bytes());
        while (!packed.done()) list.push(scalar(f.type, f.type === "d" ? WIRE.fixed64 : f.type === "f" ? WIRE.fixed32 : WIRE.varint, packed));
      } else list.push(value(f, wire, r));
    } else if (f.inline) {
      Object.assign(out, value(f, wire, r));
    } else {
      const v = value(f, wire, r);
      if ((v === "" && f.type === "s") || (f.omitZero && (v === 0 || v === false))) delete out[f.name];
      else out[f.name] = v;
    }
  }
  return out;
}

/** Decodes one message of a named type into its JSON form. */
export function decodeMessage(type: string, r: WireReader): Json {
  const special = decodeSpecial(type, r);
  if (special !== undefined) return special;
  const desc = messageDesc(type);
  const fields = decodeFields(type, r);
  if (desc?.wrapper) return fields.items ?? [];
  return fields;
}

/**
 * Decodes a `k8s\0` protobuf document (a runtime.Unknown envelope around the object) into
 * the object's JSON form with apiVersion and kind. Undefined when the kind has no
 * descriptor here (custom resources are never protobuf).
 */
export function decodeProtobufDocument(body: Buffer): { apiVersion: string; kind: string; object: Record<string, Json> } | { unsupported: string } {
  if (body.length < 4 || !body.subarray(0, 4).equals(PROTOBUF_MAGIC)) throw new WireError("the body does not start with the protobuf prefix k8s\\0");
  const env = decodeFields("runtime.Unknown", new WireReader(body.subarray(4))) as { apiVersion?: string; kind?: string; raw?: string; contentEncoding?: string };
  const apiVersion = env.apiVersion ?? "";
  const kind = env.kind ?? "";
  if (env.contentEncoding) throw new WireError(`unsupported content encoding ${env.contentEncoding}`);
  const type = messageOfKind(apiVersion, kind);
  if (!type) return { unsupported: `${apiVersion}, Kind=${kind}` };
  const object = decodeMessage(type, new WireReader(Buffer.from(env.raw ?? "", "base64")));
  return { apiVersion, kind, object: { apiVersion, kind, ...(object as Record<string, Json>) } };
}
