import { readCommand, writeCommand } from "./device-commands";
import { storePushedEvent, type DeviceRuntime, type EdgexWorld } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import type { RoutedRequest, SimHttpResponse } from "./types";

// The HTTP face of device commands, shared by core-command and the device services
// (which serve the same /device/name/{name}/{command} API that core-command calls).

function parseBody(body: Buffer): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** GET .../device/name/{name}/{command}: read, optionally push the event to core-data. */
export function handleReadCommand(world: EdgexWorld, dev: DeviceRuntime, r: RoutedRequest): SimHttpResponse {
  const result = readCommand(world, dev, r.params.command ?? "");
  if (!result.ok) return errorResponse(r.req, result.status, result.message);
  if ((r.req.query.get("ds-pushevent") ?? "").toLowerCase() === "true") storePushedEvent(dev, result.value);
  if ((r.req.query.get("ds-returnevent") ?? "true").toLowerCase() === "false") {
    return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200 });
  }
  const event = { apiVersion: API_VERSION, ...result.value };
  return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200, event });
}

/** PUT .../device/name/{name}/{command} with a JSON object of resource → value. */
export function handleWriteCommand(world: EdgexWorld, dev: DeviceRuntime, r: RoutedRequest): SimHttpResponse {
  const body = parseBody(r.req.body);
  if (!body) return errorResponse(r.req, 400, "failed to parse request body");
  const result = writeCommand(world, dev, r.params.command ?? "", body);
  if (!result.ok) return errorResponse(r.req, result.status, result.message);
  return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200 });
}
