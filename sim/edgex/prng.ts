// Stateless deterministic randomness. Every simulated value, id and timestamp jitter is a
// pure function of (seed, names, index), so thousands of clusters need no per-device
// timers or stored history: any event can be recomputed on demand and is identical on
// every read.

const TWO_32 = 0x1_0000_0000;

/** murmur3 finaliser: spreads every input bit over the whole 32-bit word. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, start: number): number {
  let h = start >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes numbers (any safe integer, including epoch ms) and strings into 32 bits. */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === "string") {
      h = fmix32(hashString(part, h) ^ 0x9e3779b9);
    } else {
      const lo = part >>> 0;
      const hi = Math.floor(part / TWO_32) >>> 0;
      h = fmix32(Math.imul(h ^ lo, 0x27d4eb2f) ^ fmix32(hi + 0x165667b1));
    }
  }
  return h;
}

/** A float in [0, 1) derived from the parts. */
export function unit(...parts: Array<number | string>): number {
  return hash32(...parts) / TWO_32;
}

/** An unsigned random integer of the given bit width (<= 64) as a bigint. */
export function randomBits(bits: number, ...parts: Array<number | string>): bigint {
  const hi = BigInt(hash32(...parts, "hi"));
  const lo = BigInt(hash32(...parts, "lo"));
  const full = (hi << 32n) | lo;
  return bits >= 64 ? full : full & ((1n << BigInt(bits)) - 1n);
}

/** A version-4-shaped UUID that is stable for the same parts. */
export function uuidFrom(...parts: Array<number | string>): string {
  const words = [0, 1, 2, 3].map((i) => hash32(...parts, i).toString(16).padStart(8, "0"));
  const hex = words.join("");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    "4" + hex.slice(13, 16),
    variant + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join("-");
}
