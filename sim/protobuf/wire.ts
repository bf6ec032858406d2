// Protocol-buffers wire format: a reader and a writer, enough for the Kubernetes types
// (varints, 64-bit, length-delimited, 32-bit; proto2 with packed or unpacked repeats).

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

/** Thrown on a malformed message; the API turns it into 400 BadRequest. */
export class WireError extends Error {}

export class WireReader {
  pos = 0;
  constructor(readonly buf: Buffer, private readonly end = buf.length) {}

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError("truncated varint");
      const b = this.buf[this.pos++] ?? 0;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    throw new WireError("varint too long");
  }

  /** A field key: number and wire type. */
  key(): { field: number; wire: number } {
    const k = Number(this.varint());
    return { field: k >>> 3, wire: k & 7 };
  }

  bytes(): Buffer {
    const len = Number(this.varint());
    if (len < 0 || this.pos + len > this.end) throw new WireError("length-delimited field past the end of the message");
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  fixed(size: 4 | 8): Buffer {
    if (this.pos + size > this.end) throw new WireError("truncated fixed-width field");
    const out = this.buf.subarray(this.pos, this.pos + size);
    this.pos += size;
    return out;
  }

  skip(wire: number): void {
    if (wire === WIRE.varint) this.varint();
    else if (wire === WIRE.fixed64) this.fixed(8);
    else if (wire === WIRE.bytes) this.bytes();
    else if (wire === WIRE.fixed32) this.fixed(4);
    else throw new WireError(`unsupported wire type ${wire}`);
  }
}

export class WireWriter {
  private chunks: Buffer[] = [];

  varint(v: bigint): void {
    let x = BigInt.asUintN(64, v);
    const out: number[] = [];
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x > 0n) b |= 0x80;
      out.push(b);
    } while (x > 0n);
    this.chunks.push(Buffer.from(out));
  }

  key(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  bytesField(field: number, data: Buffer): void {
    this.key(field, WIRE.bytes);
    this.varint(BigInt(data.length));
    this.chunks.push(data);
  }

  raw(data: Buffer): void {
    this.chunks.push(data);
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
