import { commonRoutes } from "./common-routes";
import type { EdgexWorld } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import { pageOf, parsePaging } from "./paging";
import { hash32, uuidFrom } from "./prng";
import type { Route } from "./router";
import { MAX_RESULT_COUNT } from "./service-catalog";
import type { EdgexRelease, RoutedRequest, SimHttpResponse } from "./types";

// support-scheduler: 3.1 (59861) serves intervals and interval actions; 4.0 (59863)
// replaced them with schedule jobs and their action records. Each release answers only
// its own API, so the other one's paths are 404 — a difference the console must handle.

type Json = Record<string, unknown>;
const PING_EVERY_MS = 10 * 60_000;
const RECORDS_KEPT = 500;

function intervals(world: EdgexWorld): Json[] {
  const created = world.bootedAt + 3_000;
  return [
    { created, modified: created, id: uuidFrom(world.seed, "interval", 1), name: "midnight", start: "20000101T000000", interval: "24h" },
    { created, modified: created, id: uuidFrom(world.seed, "interval", 2), name: "every-10m", interval: "10m" },
  ];
}

function intervalActions(world: EdgexWorld): Json[] {
  const created = world.bootedAt + 3_500;
  const action = (i: number, name: string, intervalName: string, host: string, port: number, httpMethod: string, path: string): Json => ({
    created,
    modified: created,
    id: uuidFrom(world.seed, "intervalaction", i),
    name,
    intervalName,
    address: { type: "REST", host, port, httpMethod, path },
    content: "",
    contentType: "application/json",
    adminState: "UNLOCKED",
    authmethod: "JWT",
  });
  return [
    action(1, "scrub-aged-events", "midnight", "edgex-core-data", 59880, "DELETE", "/api/v3/event/age/604800000000000"),
    action(2, "ping-metadata", "every-10m", "edgex-core-metadata", 59881, "GET", "/api/v3/ping"),
  ];
}

function scheduleJobs(world: EdgexWorld): Json[] {
  const created = world.bootedAt + 3_000;
  const payload = Buffer.from(JSON.stringify({ SetPoint: "17.0" })).toString("base64");
  const job = (i: number, name: string, definition: Json, actions: Json[], labels: string[]): Json => ({
    created,
    modified: created,
    id: uuidFrom(world.seed, "job", i),
    name,
    definition,
    autoTriggerMissedRecords: false,
    actions,
    adminState: "UNLOCKED",
    labels,
    properties: {},
  });
  return [
    job(1, "scrub-aged-events", { type: "INTERVAL", startTimestamp: world.bootedAt, interval: "24h" }, [
      { type: "REST", contentType: "application/json", address: "http://edgex-core-data:59880/api/v3/event/age/604800000000000", method: "DELETE", injectEdgeXAuth: true },
    ], ["core-data"]),
    job(2, "ping-metadata", { type: "INTERVAL", startTimestamp: world.bootedAt, interval: "10m" }, [
      { type: "REST", contentType: "application/json", address: "http://edgex-core-metadata:59881/api/v3/ping", method: "GET", injectEdgeXAuth: true },
    ], ["health"]),
    job(3, "night-setback-floor1", { type: "CRON", crontab: "CRON_TZ=UTC 0 22 * * *" }, [
      { type: "DEVICECONTROL", contentType: "application/json", deviceName: "Thermostat-Floor1", sourceName: "Settings", payload },
    ], ["hvac"]),
  ];
}

/** Records of the 10-minute ping job since boot, newest first; a few were MISSED. */
function actionRecords(world: EdgexWorld): Json[] {
  const now = world.now();
  const [, ping] = scheduleJobs(world);
  const action = ((ping?.actions as Json[] | undefined) ?? [])[0] ?? {};
  const out: Json[] = [];
  const runs = Math.floor((now - world.bootedAt) / PING_EVERY_MS);
  const first = Math.max(1, runs - RECORDS_KEPT + 1);
  for (let i = first; i <= runs; i++) {
    const t = world.bootedAt + i * PING_EVERY_MS;
    const status = hash32(world.seed, "record", t) % 17 === 0 ? "MISSED" : "SUCCEEDED";
    out.push({ id: uuidFrom(world.seed, "record", t), created: t, jobName: "ping-metadata", action, status, scheduledAt: t });
  }
  return out.reverse();
}

/** Route table of support-scheduler for the context's release. */
export function supportSchedulerRoutes(release: EdgexRelease): Route[] {
  function list(r: RoutedRequest, key: string, items: Json[]): SimHttpResponse {
    const paging = parsePaging(r.req, MAX_RESULT_COUNT);
    if (!paging.ok) return paging.response;
    const page = pageOf(r.req, release, items, paging.value);
    if (!page.ok) return page.response;
    return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200, totalCount: page.value.total, [key]: page.value.items });
  }

  function byName(path: string, kind: string, key: string, items: (world: EdgexWorld) => Json[]): Route {
    return {
      method: "GET",
      path,
      handler: ({ req, params, ctx }) => {
        const item = items(ctx.world).find((x) => x.name === params.name);
        if (!item) return errorResponse(req, 404, `fail to query ${kind} by name ${params.name}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, [key]: item });
      },
    };
  }

  if (release === "3.1") {
    return [
      ...commonRoutes(),
      { method: "GET", path: "/api/v3/interval/all", handler: (r) => list(r, "intervals", intervals(r.ctx.world)) },
      byName("/api/v3/interval/name/:name", "interval", "interval", intervals),
      { method: "GET", path: "/api/v3/intervalaction/all", handler: (r) => list(r, "actions", intervalActions(r.ctx.world)) },
      byName("/api/v3/intervalaction/name/:name", "intervalAction", "action", intervalActions),
    ];
  }
  const records = (r: RoutedRequest, keep: (x: Json) => boolean) =>
    list(r, "scheduleActionRecords", actionRecords(r.ctx.world).filter(keep));
  return [
    ...commonRoutes(),
    { method: "GET", path: "/api/v3/job/all", handler: (r) => list(r, "scheduleJobs", scheduleJobs(r.ctx.world)) },
    byName("/api/v3/job/name/:name", "scheduleJob", "scheduleJob", scheduleJobs),
    { method: "GET", path: "/api/v3/scheduleactionrecord/all", handler: (r) => records(r, () => true) },
    {
      method: "GET",
      path: "/api/v3/scheduleactionrecord/latest/job/name/:name",
      handler: (r) => list(r, "scheduleActionRecords", actionRecords(r.ctx.world).filter((x) => x.jobName === r.params.name).slice(0, 1)),
    },
    { method: "GET", path: "/api/v3/scheduleactionrecord/status/:status", handler: (r) => records(r, (x) => x.status === r.params.status) },
    { method: "GET", path: "/api/v3/scheduleactionrecord/job/name/:name", handler: (r) => records(r, (x) => x.jobName === r.params.name) },
    {
      method: "GET",
      path: "/api/v3/scheduleactionrecord/job/name/:name/status/:status",
      handler: (r) => records(r, (x) => x.jobName === r.params.name && x.status === r.params.status),
    },
  ];
}
