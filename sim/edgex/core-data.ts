import { commonRoutes } from "./common-routes";
import type { SimEvent, SimReading } from "./edgex-world";
import { countEvents, countReadings, findEventById, listEvents, listReadings, type EventFilter } from "./event-query";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import { parsePaging, rangeError, type Parsed } from "./paging";
import type { Route } from "./router";
import { MAX_RESULT_COUNT } from "./service-catalog";
import type { EdgexRelease, RoutedRequest, SimHttpRequest, SimHttpResponse } from "./types";
import { numericJson } from "./value-codec";
import type { ValueType } from "./catalog-types";

// core-data (59880): events and readings, newest first, generated on read from the
// virtual devices' autoEvents plus whatever was really pushed. Unknown device names give
// empty lists, as a database query would.

const MAX_INT64 = 9223372036854775807n;

function parseNanos(req: SimHttpRequest, key: string, raw: string | undefined): Parsed<number> {
  const text = raw ?? "";
  if (!/^\d{1,19}$/.test(text) || BigInt(text) > MAX_INT64) {
    const message = `failed to parse path param ${key}'s value ${text} into integer. Error:strconv.ParseInt: parsing "${text}": invalid syntax`;
    return { ok: false, response: errorResponse(req, 400, message) };
  }
  return { ok: true, value: Number(BigInt(text) / 1_000_000n) };
}

/** Route table of core-data for the context's release. */
export function coreDataRoutes(release: EdgexRelease): Route[] {
  function numeric(req: SimHttpRequest): boolean {
    return release === "4.0" && (req.query.get("numeric") ?? "").toLowerCase() === "true";
  }

  function readingJson(r: SimReading, asNumber: boolean): Record<string, unknown> {
    if (!asNumber || r.value === undefined) return { ...r };
    return { ...r, value: numericJson(r.valueType as ValueType, r.value) };
  }

  function eventJson(e: SimEvent, asNumber: boolean): Record<string, unknown> {
    return { apiVersion: API_VERSION, ...e, readings: e.readings.map((r) => readingJson(r, asNumber)) };
  }

  /** Builds the filter from path params; a parse failure becomes the error response. */
  function filterOf(r: RoutedRequest): Parsed<EventFilter> {
    const f: EventFilter = {};
    const world = r.ctx.world;
    const deviceName = r.params.name ?? r.params.deviceName;
    if (deviceName !== undefined) f.devices = world.devices.filter((d) => d.def.name === deviceName);
    if (r.params.resourceName !== undefined) f.resourceName = r.params.resourceName;
    if (r.params.start !== undefined || r.params.end !== undefined) {
      const start = parseNanos(r.req, "start", r.params.start);
      if (!start.ok) return start;
      const end = parseNanos(r.req, "end", r.params.end);
      if (!end.ok) return end;
      if (end.value < start.value) {
        const message = `end's value ${r.params.end} is not allowed to be greater than start's value ${r.params.start}`;
        return { ok: false, response: errorResponse(r.req, 400, message) };
      }
      f.startMs = start.value;
      f.endMs = end.value;
    }
    return { ok: true, value: f };
  }

  function pageHandler(kind: "events" | "readings"): (r: RoutedRequest) => SimHttpResponse {
    return (r) => {
      const world = r.ctx.world;
      const paging = parsePaging(r.req, MAX_RESULT_COUNT, { allowSkipCount: release === "4.0" });
      if (!paging.ok) return paging.response;
      const filter = filterOf(r);
      if (!filter.ok) return filter.response;
      const { offset, limit, skipCount } = paging.value;
      const total = kind === "events" ? countEvents(world, filter.value) : countReadings(world, filter.value);
      const err = rangeError(r.req, release, total, offset);
      if (err) return err;
      const asNumber = numeric(r.req);
      const items =
        kind === "events"
          ? listEvents(world, filter.value, offset, limit).map((e) => eventJson(e, asNumber))
          : listReadings(world, filter.value, offset, limit).map((x) => readingJson(x, asNumber));
      return jsonResponse(r.req, 200, {
        apiVersion: API_VERSION,
        statusCode: 200,
        totalCount: skipCount ? 0 : total,
        [kind]: items,
      });
    };
  }

  function countHandler(kind: "events" | "readings"): (r: RoutedRequest) => SimHttpResponse {
    return (r) => {
      const world = r.ctx.world;
      const filter = filterOf(r);
      if (!filter.ok) return filter.response;
      const count = kind === "events" ? countEvents(world, filter.value) : countReadings(world, filter.value);
      return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200, count });
    };
  }

  const get = (path: string, handler: (r: RoutedRequest) => SimHttpResponse): Route => ({ method: "GET", path, handler });
  return [
    ...commonRoutes(),
    get("/api/v3/event/all", pageHandler("events")),
    get("/api/v3/event/count", countHandler("events")),
    get("/api/v3/event/id/:id", ({ req, params, ctx }) => {
      const event = findEventById(ctx.world, params.id ?? "");
      if (!event) return errorResponse(req, 404, `fail to query event by id ${params.id}`);
      return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, event: eventJson(event, numeric(req)) });
    }),
    get("/api/v3/event/count/device/name/:name", countHandler("events")),
    get("/api/v3/event/device/name/:name", pageHandler("events")),
    get("/api/v3/event/start/:start/end/:end", pageHandler("events")),
    get("/api/v3/reading/all", pageHandler("readings")),
    get("/api/v3/reading/count", countHandler("readings")),
    get("/api/v3/reading/count/device/name/:name", countHandler("readings")),
    get("/api/v3/reading/device/name/:name", pageHandler("readings")),
    get("/api/v3/reading/resourceName/:resourceName", pageHandler("readings")),
    get("/api/v3/reading/device/name/:deviceName/resourceName/:resourceName", pageHandler("readings")),
    get("/api/v3/reading/start/:start/end/:end", pageHandler("readings")),
    get("/api/v3/reading/resourceName/:resourceName/start/:start/end/:end", pageHandler("readings")),
    get(
      "/api/v3/reading/device/name/:deviceName/resourceName/:resourceName/start/:start/end/:end",
      pageHandler("readings"),
    ),
    get("/api/v3/reading/device/name/:deviceName/start/:start/end/:end", pageHandler("readings")),
  ];
}
