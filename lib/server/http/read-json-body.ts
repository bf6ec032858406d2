import "server-only";
import { ApiError } from "./api-error";

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body as bytes (≤ 1 MiB, else 413): for bodies checked byte for byte, such as signed webhooks. */
export async function readRawBody(req: Request): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "Request body is larger than 1 MiB");
  const body = Buffer.from(await req.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "Request body is larger than 1 MiB");
  return body;
}

/** Reads a JSON request body (≤ 1 MiB); malformed JSON → 400, too large → 413. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = (await readRawBody(req)).toString("utf8");
  if (text.trim() === "") throw new ApiError("invalid_json", "Request body is empty; expected a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError("invalid_json", `Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (hasUnstorableString(value)) {
    throw new ApiError("invalid_json", "Request body contains a NUL character or an unpaired UTF-16 surrogate in a string");
  }
  return value;
}

// PostgreSQL text cannot hold NUL, and a lone surrogate is not valid Unicode: refuse both
// here (400) instead of failing in the database (500).
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string in `value` (nested objects and arrays included) holds a NUL or a lone surrogate. */
export function hasUnstorableString(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (depth > 64 || value === null || typeof value !== "object") return false;
  const entries = Array.isArray(value) ? value : Object.entries(value).flat();
  return entries.some((v) => hasUnstorableString(v, depth + 1));
}
