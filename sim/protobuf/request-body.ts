import type { IncomingMessage } from "node:http";
import { ApiError } from "../api/status";
import { decodeProtobufDocument } from "./decode";
import { WireError } from "./wire";

const PROTOBUF = /^application\/vnd\.kubernetes\.protobuf\s*(;|$)/;

/**
 * A protobuf request body (`application/vnd.kubernetes.protobuf`, which client-go's typed
 * clients send for built-in kinds) becomes the equivalent JSON body, and the request's
 * Content-Type says JSON from then on, so every handler reads one format. Other bodies pass
 * through untouched.
 */
export function protobufBodyToJson(req: IncomingMessage, body: Buffer): Buffer {
  if (!PROTOBUF.test(req.headers["content-type"] ?? "") || body.length === 0) return body;
  let doc: ReturnType<typeof decodeProtobufDocument>;
  try {
    doc = decodeProtobufDocument(body);
  } catch (e) {
    if (e instanceof WireError) throw new ApiError(400, `error decoding request body: ${e.message}`);
    throw e;
  }
  if ("unsupported" in doc) {
    throw new ApiError(415, `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (no protobuf for ${doc.unsupported})`, "UnsupportedMediaType");
  }
  req.headers["content-type"] = "application/json";
  return Buffer.from(JSON.stringify(doc.object));
}
