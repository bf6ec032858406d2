import type { ResourceDef, ValueType } from "./catalog-types";
import { RawJsonNumber } from "./http-response";

// Reading values as EdgeX writes them: integers in decimal, floats in Go's
// strconv.FormatFloat(v, 'e', -1, bits) form ("2.15e+01"), bools as true/false. Set
// values are parsed the way device-sdk-go's createCommandValueFromDeviceResource does.

const INT_BITS: Partial<Record<ValueType, number>> = { Int8: 8, Int16: 16, Int32: 32, Int64: 64 };
const UINT_BITS: Partial<Record<ValueType, number>> = { Uint8: 8, Uint16: 16, Uint32: 32, Uint64: 64 };
const FLOAT32_MAX = 3.4028234663852886e38;

export function isNumericType(t: ValueType): boolean {
  return t in INT_BITS || t in UINT_BITS || t === "Float32" || t === "Float64";
}

/** The inclusive integer range of an integer value type, or null for other types. */
export function integerRange(t: ValueType): { min: bigint; max: bigint } | null {
  const signed = INT_BITS[t];
  if (signed !== undefined) {
    const half = 1n << BigInt(signed - 1);
    return { min: -half, max: half - 1n };
  }
  const unsigned = UINT_BITS[t];
  if (unsigned !== undefined) return { min: 0n, max: (1n << BigInt(unsigned)) - 1n };
  return null;
}

function goExponent(text: string): string {
  // JS writes "2.15e+1"; Go pads the exponent to two digits: "2.15e+01".
  return text.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Go's FormatFloat(v, 'e', -1, 32|64): the shortest digits that round-trip at that width. */
export function formatFloat(value: number, type: "Float32" | "Float64"): string {
  if (type === "Float64") return goExponent(value.toExponential());
  const f = Math.fround(value);
  for (let digits = 0; digits < 9; digits++) {
    const text = f.toExponential(digits);
    if (Math.fround(Number(text)) === f) return goExponent(text);
  }
  return goExponent(f.toExponential(8));
}

export type ParseResult = { ok: true; value: string } | { ok: false; message: string };

function rawText(raw: unknown): string | null {
  // device-sdk-go formats whatever JSON value it got with fmt.Sprint before parsing.
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return null;
}

function parseFloatText(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function convert(res: ResourceDef, text: string): string | null {
  const t = res.valueType;
  const range = integerRange(t);
  if (range) {
    if (!/^[+-]?\d+$/.test(text)) return null;
    const n = BigInt(text);
    return n < range.min || n > range.max ? null : n.toString();
  }
  if (t === "Float32" || t === "Float64") {
    const n = parseFloatText(text);
    if (n === null || (t === "Float32" && Math.abs(n) > FLOAT32_MAX)) return null;
    return formatFloat(n, t);
  }
  if (t === "Bool") {
    if (["1", "t", "T", "TRUE", "true", "True"].includes(text)) return "true";
    if (["0", "f", "F", "FALSE", "false", "False"].includes(text)) return "false";
    return null;
  }
  if (t === "String") return text;
  return null;
}

/**
 * Validates a value for a set command against the resource's type and its profile
 * minimum/maximum; returns the canonical reading text.
 */
export function parseSetValue(res: ResourceDef, raw: unknown): ParseResult {
  const text = rawText(raw);
  const shown = typeof raw === "string" ? raw : JSON.stringify(raw);
  if (res.valueType === "Binary") {
    return { ok: false, message: `set command of Binary deviceResource ${res.name} is not supported` };
  }
  const value = text === null ? null : convert(res, text);
  if (value === null) {
    return { ok: false, message: `failed to convert set parameter ${shown} to ValueType ${res.valueType}` };
  }
  if (isNumericType(res.valueType)) {
    const n = Number(value);
    const tooLow = res.minimum !== undefined && n < res.minimum;
    const tooHigh = res.maximum !== undefined && n > res.maximum;
    if (tooLow || tooHigh) {
      const message = `set command parameter out of minimum/maximum range, deviceResource ${res.name} value ${text}, minimum ${res.minimum ?? "none"}, maximum ${res.maximum ?? "none"}`;
      return { ok: false, message };
    }
  }
  return { ok: true, value };
}

/** The canonical text of a profile default value (no range check), or the type's zero. */
export function canonicalDefault(res: ResourceDef): string {
  const zero = res.valueType === "Bool" ? "false" : res.valueType === "String" ? "" : "0";
  const parsed = convert(res, res.defaultValue ?? zero);
  return parsed ?? zero;
}

/** 4.0 `numeric=true`: numeric readings as JSON numbers, wide integers written verbatim. */
export function numericJson(type: ValueType, value: string): string | number | RawJsonNumber {
  if (integerRange(type)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : new RawJsonNumber(value);
  }
  if (type === "Float32" || type === "Float64") {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}
