import { errorResponse } from "./http-response";
import type { Route } from "./router";
import type { ServiceKind } from "./service-catalog";
import type { EdgexRelease } from "./types";

// Write endpoints of the real API that the simulator does not implement. Registering
// them keeps EdgeX's method semantics — a GET on a POST-only path is 405, not 404 — and
// answers the write itself with an explicit 501 instead of pretending it worked.

type Entry = [method: string, path: string];

const SECRET: Entry[] = [["POST", "/api/v3/secret"]];

const WRITES: Record<ServiceKind, Entry[]> = {
  "core-data": [
    ["POST", "/api/v3/event/:serviceName/:profileName/:deviceName/:sourceName"],
    ["DELETE", "/api/v3/event/id/:id"],
    ["DELETE", "/api/v3/event/device/name/:name"],
    ["DELETE", "/api/v3/event/age/:age"],
    ...SECRET,
  ],
  "core-metadata": [
    ["POST", "/api/v3/device"],
    ["PATCH", "/api/v3/device"],
    ["DELETE", "/api/v3/device/name/:name"],
    ["POST", "/api/v3/deviceprofile"],
    ["PUT", "/api/v3/deviceprofile"],
    ["DELETE", "/api/v3/deviceprofile/name/:name"],
    ["POST", "/api/v3/deviceservice"],
    ["PATCH", "/api/v3/deviceservice"],
    ["DELETE", "/api/v3/deviceservice/name/:name"],
    ["POST", "/api/v3/provisionwatcher"],
    ["PATCH", "/api/v3/provisionwatcher"],
    ...SECRET,
  ],
  "core-command": SECRET,
  "support-notifications": [
    ["POST", "/api/v3/notification"],
    ["DELETE", "/api/v3/notification/id/:id"],
    ["POST", "/api/v3/subscription"],
    ["PATCH", "/api/v3/subscription"],
    ["DELETE", "/api/v3/subscription/name/:name"],
    ["DELETE", "/api/v3/cleanup"],
    ...SECRET,
  ],
  "support-scheduler": SECRET,
  "core-keeper": [
    ["PUT", "/api/v3/kvs/key/*key"],
    ["DELETE", "/api/v3/kvs/key/*key"],
    ["POST", "/api/v3/registry"],
    ["PUT", "/api/v3/registry"],
    ["DELETE", "/api/v3/registry/serviceId/:serviceId"],
  ],
  "device-virtual": [],
  "device-rest": [],
  ui: [],
};

const SCHEDULER: Record<EdgexRelease, Entry[]> = {
  "3.1": [
    ["POST", "/api/v3/interval"],
    ["PATCH", "/api/v3/interval"],
    ["DELETE", "/api/v3/interval/name/:name"],
    ["POST", "/api/v3/intervalaction"],
    ["PATCH", "/api/v3/intervalaction"],
    ["DELETE", "/api/v3/intervalaction/name/:name"],
  ],
  "4.0": [
    ["POST", "/api/v3/job"],
    ["PATCH", "/api/v3/job"],
    ["DELETE", "/api/v3/job/name/:name"],
    ["POST", "/api/v3/job/trigger/name/:name"],
  ],
};

/** 501 routes for the real API's writes of one service; append after the real routes. */
export function unsupportedRoutes(kind: ServiceKind, release: EdgexRelease): Route[] {
  const entries = kind === "support-scheduler" ? [...SCHEDULER[release], ...WRITES[kind]] : WRITES[kind];
  return entries.map(([method, path]) => ({
    method,
    path,
    handler: ({ req }) => errorResponse(req, 501, `${method} ${path} is not implemented by the Outpost EdgeX simulator`),
  }));
}
