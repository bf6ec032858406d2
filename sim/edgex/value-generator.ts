import type { ResourceDef } from "./catalog-types";
import { hash32, randomBits, unit } from "./prng";
import { canonicalDefault, formatFloat, integerRange } from "./value-codec";

// Produces a resource's value at an instant when no operator override applies. Pure in
// (seed, device, resource, time, sample index): the same event reads the same on every
// request, which is what lets core-data generate history lazily instead of storing it.

export interface GenerateContext {
  seed: number;
  device: string;
  tMs: number;
  /** Distinguishes samples taken at the same instant (autoEvent index, or "get"). */
  sample: number | string;
  bootedAt: number;
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(res: ResourceDef, n: number): number {
  let v = n;
  if (res.minimum !== undefined) v = Math.max(res.minimum, v);
  if (res.maximum !== undefined) v = Math.min(res.maximum, v);
  return v;
}

function numberText(res: ResourceDef, n: number): string {
  if (res.valueType === "Float32" || res.valueType === "Float64") return formatFloat(n, res.valueType);
  return String(Math.trunc(n));
}

function randomValue(res: ResourceDef, ctx: GenerateContext): string {
  const parts = [ctx.seed, ctx.device, res.name, ctx.tMs, ctx.sample];
  const range = integerRange(res.valueType);
  if (range) {
    if (res.minimum !== undefined && res.maximum !== undefined) {
      const span = res.maximum - res.minimum + 1;
      return String(res.minimum + Math.floor(unit(...parts) * span));
    }
    const bits = (range.max - range.min).toString(2).length;
    return (range.min + randomBits(bits, ...parts)).toString();
  }
  if (res.valueType === "Float32" || res.valueType === "Float64") {
    const u = unit(...parts);
    if (res.minimum !== undefined && res.maximum !== undefined) {
      return formatFloat(res.minimum + u * (res.maximum - res.minimum), res.valueType);
    }
    // device-virtual draws from the whole type range, hence readings like "-2.038811e+38".
    const max = res.valueType === "Float32" ? 3.4028234663852886e38 : 1.7976931348623157e308;
    return formatFloat((u * 2 - 1) * max, res.valueType);
  }
  if (res.valueType === "Bool") return hash32(...parts) % 2 === 0 ? "true" : "false";
  if (res.valueType === "String") return `random-${hash32(...parts).toString(16)}`;
  return canonicalDefault(res);
}

/** The canonical reading text of a non-binary resource at ctx.tMs. */
export function generateValue(res: ResourceDef, ctx: GenerateContext): string {
  const gen = res.gen;
  switch (gen.kind) {
    case "random":
      return randomValue(res, ctx);
    case "wave": {
      const phase = unit(ctx.seed, ctx.device, res.name, "phase") * 2 * Math.PI;
      const noise = (unit(ctx.seed, ctx.device, res.name, ctx.tMs, ctx.sample) * 2 - 1) * gen.noise;
      const v = gen.base + gen.amplitude * Math.sin((2 * Math.PI * ctx.tMs) / gen.periodMs + phase) + noise;
      return numberText(res, clamp(res, roundTo(v, gen.decimals)));
    }
    case "counter": {
      const start = gen.start * (0.8 + 0.4 * unit(ctx.seed, ctx.device, res.name, "start"));
      const hours = Math.max(0, ctx.tMs - ctx.bootedAt) / 3_600_000;
      return numberText(res, roundTo(start + gen.perHour * hours, gen.decimals));
    }
    case "choice": {
      const u = unit(ctx.seed, ctx.device, res.name, ctx.tMs, ctx.sample);
      if (u < gen.firstWeight || gen.values.length < 2) return gen.values[0] ?? "";
      const rest = gen.values.slice(1);
      const i = Math.floor(((u - gen.firstWeight) / (1 - gen.firstWeight)) * rest.length);
      return rest[Math.min(i, rest.length - 1)] ?? "";
    }
    case "fixed":
      return canonicalDefault(res);
  }
}

/** Base64 of 16 pseudo-random bytes, for Binary resources (Go encodes []byte as base64). */
export function generateBinary(res: ResourceDef, ctx: GenerateContext): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) {
    bytes.writeUInt32BE(hash32(ctx.seed, ctx.device, res.name, ctx.tMs, ctx.sample, i), i * 4);
  }
  return bytes.toString("base64");
}
