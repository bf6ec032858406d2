import "server-only";
import { randomUUID } from "node:crypto";

/** Set by server.ts from the TCP connection (a client cannot forge it: server.ts overwrites it). */
export const CLIENT_IP_HEADER = "x-outpost-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent: string | undefined;
}

/** Client address, request id and user agent of a request. */
export function requestMeta(headers: Headers): RequestMeta {
  return {
    ip: headers.get(CLIENT_IP_HEADER) ?? "unknown",
    requestId: headers.get(REQUEST_ID_HEADER) ?? randomUUID(),
    userAgent: headers.get("user-agent") ?? undefined,
  };
}
