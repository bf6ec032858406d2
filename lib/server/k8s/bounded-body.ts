import "server-only";
import type { Readable } from "node:stream";

/** A JSON answer (list, object, Status) a cluster may send: larger ones are refused. */
export const MAX_KUBE_BODY_BYTES = 64 * 1024 * 1024;
/** One line of a watch stream (one event = one object): a longer line ends the watch. */
export const MAX_WATCH_LINE_BYTES = 16 * 1024 * 1024;
/** The body of an error answer: only its Status message is wanted. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** A cluster (or a misbehaving agent) sent more than the console will hold. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limitBytes: number, what: string) {
    const limit = limitBytes >= 1024 * 1024 ? `${limitBytes / 1024 / 1024} MiB` : `${limitBytes / 1024} KiB`;
    super(`the cluster's ${what} exceeded ${limit}; the stream was ended`);
  }
}

/**
 * Reads a whole body, but never more than `maxBytes`: beyond it the body is destroyed
 * (its tunnel stream is reset) and BodyTooLargeError is thrown — an endless answer costs
 * at most `maxBytes` of memory, never a `RangeError: Invalid string length`.
 */
export async function readBoundedText(body: Readable | AsyncIterable<Uint8Array>, maxBytes: number, what = "answer"): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buf.length;
    if (size > maxBytes) {
      (body as Partial<Readable>).destroy?.();
      throw new BodyTooLargeError(maxBytes, what);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/**
 * Splits a byte stream into lines of at most `maxLineBytes` (newline excluded): a longer
 * line — an agent sending a watch event without end — throws BodyTooLargeError instead of
 * growing a string until the process runs out of memory.
 */
export async function* boundedLines(body: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  for await (const chunk of body) {
    let buf = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let newline: number;
    while ((newline = buf.indexOf(0x0a)) >= 0) {
      pending.push(buf.subarray(0, newline));
      const line = Buffer.concat(pending, pendingSize + newline);
      pending = [];
      pendingSize = 0;
      if (line.length > maxLineBytes) throw new BodyTooLargeError(maxLineBytes, "watch event");
      yield line.toString("utf8");
      buf = buf.subarray(newline + 1);
    }
    if (buf.length > 0) {
      pendingSize += buf.length;
      if (pendingSize > maxLineBytes) throw new BodyTooLargeError(maxLineBytes, "watch event");
      // Copy: the chunk's buffer may be reused by the stream.
      pending.push(Buffer.from(buf));
    }
  }
  if (pendingSize > 0) yield Buffer.concat(pending, pendingSize).toString("utf8");
}
