import "server-only";
import { ApiError } from "./api-error";

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON request body (≤ 1 MiB); malformed JSON → 400, too large → 413. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "Request body is larger than 1 MiB");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "Request body is larger than 1 MiB");
  if (text.trim() === "") throw new ApiError("invalid_json", "Request body is empty; expected a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError("invalid_json", `Request body is not valid JSON: ${(error as Error).message}`);
  }
}
