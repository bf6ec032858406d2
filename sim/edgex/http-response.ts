import { randomUUID } from "node:crypto";
import type { SimHttpRequest, SimHttpResponse } from "./types";

// Response encoding shared by every EdgeX service: the v3 envelope, the error envelope,
// the X-Correlation-ID echo, and JSON numbers wider than a double (EdgeX's Go encoder
// writes int64/uint64 readings verbatim when `numeric=true`).

export const API_VERSION = "v3";

/** A JSON number written exactly as given (e.g. a uint64 beyond 2^53). */
export class RawJsonNumber {
  constructor(readonly digits: string) {}
}

const RAW_MARK = "@@edgex-raw-number:";
const RAW_PATTERN = /"@@edgex-raw-number:(-?[0-9][0-9.eE+-]*)@@"/g;

/** JSON.stringify plus RawJsonNumber support and the trailing newline Go's encoder adds. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawJsonNumber ? `${RAW_MARK}${v.digits}@@` : v,
  );
  return text.replace(RAW_PATTERN, "$1") + "\n";
}

/** Header lookup that ignores case, since proxies differ in how they pass names on. */
export function header(req: SimHttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers)) {
    if (k.toLowerCase() === lower) return v;
  }
  return undefined;
}

function correlationId(req: SimHttpRequest): string {
  const given = header(req, "x-correlation-id");
  // Echo only sane ids so a hostile header never ends up reflected verbatim.
  return given && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
}

/** A JSON response with EdgeX's headers. */
export function jsonResponse(req: SimHttpRequest, status: number, body: unknown): SimHttpResponse {
  return {
    status,
    headers: {
      "content-type": "application/json",
      "x-correlation-id": correlationId(req),
    },
    body: toJson(body),
  };
}

/** EdgeX's error envelope (BaseResponse with message), as every v3 service returns it. */
export function errorResponse(req: SimHttpRequest, status: number, message: string): SimHttpResponse {
  return jsonResponse(req, status, { apiVersion: API_VERSION, message, statusCode: status });
}

/** A bare success envelope: {"apiVersion":"v3","statusCode":200}. */
export function okResponse(req: SimHttpRequest, status = 200): SimHttpResponse {
  return jsonResponse(req, status, { apiVersion: API_VERSION, statusCode: status });
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.UnixDate layout in UTC ("Thu Jan 28 00:32:42 UTC 2021"), used by /ping. */
export function formatUnixDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, " ");
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time} UTC ${d.getUTCFullYear()}`;
}
