import zlib from "node:zlib";
import { SPDY3_DICTIONARY } from "./spdy-dictionary";

// The server side of SPDY/3.1 framing, as much as kubectl's SPDY client (spdystream) uses
// for port-forward: the client opens streams (SYN_STREAM with a compressed header block),
// the server accepts each with an empty SYN_REPLY, both sides send DATA and half-close
// with FIN; PING is echoed, RST_STREAM resets, GOAWAY ends the session. SETTINGS,
// WINDOW_UPDATE and HEADERS are read and ignored (spdystream does no flow control).

const TYPE = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;
const FLAG_FIN = 0x01;
const MAX_CHUNK = 32 * 1024;
/** Largest frame accepted from a client (spdystream writes at most 32 KiB of data per frame). */
const MAX_FRAME = 1024 * 1024;

/** One stream a client opened. */
export class SpdyStream {
  onData: (data: Buffer) => void = () => undefined;
  /** The client half-closed (FIN) or reset the stream. */
  onEnd: () => void = () => undefined;
  private finSent = false;

  constructor(
    readonly id: number,
    readonly headers: Map<string, string>,
    private readonly session: SpdySession,
  ) {}

  write(data: Buffer | string): void {
    if (this.finSent) return;
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    for (let i = 0; i < buf.length; i += MAX_CHUNK) this.session.sendData(this.id, buf.subarray(i, i + MAX_CHUNK), false);
  }

  /** Half-closes our side (DATA with FIN). */
  end(): void {
    if (this.finSent) return;
    this.finSent = true;
    this.session.sendData(this.id, Buffer.alloc(0), true);
  }
}

/** Errors in the client's framing end the session. */
export class SpdyProtocolError extends Error {}

/**
 * A SPDY/3.1 server session over any byte transport: feed it what the client sends with
 * `receive()`, it writes frames through `send`. `onStream` is called for each accepted stream.
 */
export class SpdySession {
  private buf: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, SpdyStream>();
  private readonly inflate = zlib.createInflate({ dictionary: SPDY3_DICTIONARY });
  private readonly deflate = zlib.createDeflate({ dictionary: SPDY3_DICTIONARY });
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly send: (frame: Buffer) => void,
    private readonly onStream: (stream: SpdyStream) => void,
    private readonly onClose: (error?: Error) => void,
  ) {
    this.inflate.on("error", (e) => this.fail(e));
    this.deflate.on("error", (e) => this.fail(e));
  }

  /** Bytes from the client. */
  receive(data: Buffer): void {
    if (this.closed) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
    while (this.buf.length >= 8) {
      const length = this.buf.readUInt32BE(4) & 0xffffff;
      if (length > MAX_FRAME) return this.fail(new SpdyProtocolError(`frame of ${length} bytes`));
      if (this.buf.length < 8 + length) return;
      const frame = this.buf.subarray(0, 8 + length);
      this.buf = this.buf.subarray(8 + length);
      // Header blocks share one zlib stream, so frames are handled strictly in order.
      this.chain = this.chain.then(() => this.handle(frame)).catch((e: unknown) => this.fail(e instanceof Error ? e : new Error(String(e))));
    }
  }

  /** Ends the session (GOAWAY) and resets its streams. */
  close(): void {
    if (this.closed) return;
    const f = Buffer.alloc(16);
    this.control(f, TYPE.goAway, 0, 8);
    this.send(f);
    this.shutdown();
  }

  private shutdown(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.onEnd();
    this.streams.clear();
    this.inflate.close();
    this.deflate.close();
    this.onClose(error);
  }

  private fail(error: Error): void {
    this.shutdown(error);
  }

  private control(frame: Buffer, type: number, flags: number, length: number): void {
    frame.writeUInt16BE(0x8003, 0);
    frame.writeUInt16BE(type, 2);
    frame.writeUInt32BE(((flags & 0xff) << 24) | length, 4);
  }

  sendData(streamId: number, data: Buffer, fin: boolean): void {
    if (this.closed) return;
    const head = Buffer.alloc(8);
    head.writeUInt32BE(streamId & 0x7fffffff, 0);
    head.writeUInt32BE(((fin ? FLAG_FIN : 0) << 24) | data.length, 4);
    this.send(Buffer.concat([head, data]));
  }

  private zlibRun(stream: zlib.Inflate | zlib.Deflate, input: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const out: Buffer[] = [];
      const onData = (c: Buffer): void => void out.push(c);
      stream.on("data", onData);
      stream.write(input);
      stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        stream.off("data", onData);
        if (this.closed) reject(new SpdyProtocolError("session closed"));
        else resolve(Buffer.concat(out));
      });
    });
  }

  private async decodeHeaders(block: Buffer): Promise<Map<string, string>> {
    const raw = await this.zlibRun(this.inflate, block);
    const headers = new Map<string, string>();
    if (raw.length < 4) throw new SpdyProtocolError("short header block");
    const count = raw.readUInt32BE(0);
    let i = 4;
    for (let n = 0; n < count; n++) {
      if (i + 4 > raw.length) throw new SpdyProtocolError("truncated header block");
      const nl = raw.readUInt32BE(i);
      const name = raw.subarray(i + 4, i + 4 + nl).toString("latin1").toLowerCase();
      i += 4 + nl;
      if (i + 4 > raw.length) throw new SpdyProtocolError("truncated header block");
      const vl = raw.readUInt32BE(i);
      headers.set(name, raw.subarray(i + 4, i + 4 + vl).toString("latin1"));
      i += 4 + vl;
    }
    return headers;
  }

  private async handle(frame: Buffer): Promise<void> {
    if (this.closed) return;
    const flags = frame[4]!;
    const body = frame.subarray(8);
    if ((frame[0]! & 0x80) === 0) {
      const s = this.streams.get(frame.readUInt32BE(0) & 0x7fffffff);
      if (!s) return;
      if (body.length) s.onData(body);
      if (flags & FLAG_FIN) s.onEnd();
      return;
    }
    const version = frame.readUInt16BE(0) & 0x7fff;
    if (version !== 3) throw new SpdyProtocolError(`unsupported SPDY version ${version}`);
    switch (frame.readUInt16BE(2)) {
      case TYPE.synStream: {
        const id = body.readUInt32BE(0) & 0x7fffffff;
        const headers = await this.decodeHeaders(body.subarray(10));
        const stream = new SpdyStream(id, headers, this);
        this.streams.set(id, stream);
        await this.reply(id);
        this.onStream(stream);
        if (flags & FLAG_FIN) stream.onEnd();
        return;
      }
      case TYPE.headers:
        await this.decodeHeaders(body.subarray(4));
        return;
      case TYPE.rstStream: {
        const id = body.readUInt32BE(0) & 0x7fffffff;
        this.streams.get(id)?.onEnd();
        this.streams.delete(id);
        return;
      }
      case TYPE.ping: {
        const f = Buffer.alloc(12);
        this.control(f, TYPE.ping, 0, 4);
        body.copy(f, 8, 0, 4);
        this.send(f);
        return;
      }
      case TYPE.goAway:
        this.shutdown();
        return;
      default:
        // SETTINGS, WINDOW_UPDATE, unknown: nothing to do.
        return;
    }
  }

  /** SYN_REPLY with an empty header block, as the kubelet accepts every stream. */
  private async reply(id: number): Promise<void> {
    const block = await this.zlibRun(this.deflate, Buffer.alloc(4));
    const f = Buffer.alloc(12 + block.length);
    this.control(f, TYPE.synReply, 0, 4 + block.length);
    f.writeUInt32BE(id, 8);
    block.copy(f, 12);
    this.send(f);
  }
}
