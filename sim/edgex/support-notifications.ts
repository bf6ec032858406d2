import { commonRoutes } from "./common-routes";
import type { EdgexWorld } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import { pageOf, parsePaging } from "./paging";
import { uuidFrom } from "./prng";
import type { Route } from "./router";
import { MAX_RESULT_COUNT } from "./service-catalog";
import type { EdgexRelease, RoutedRequest, SimHttpResponse } from "./types";

// support-notifications (59860): a couple of subscriptions and the notifications a site
// like this one would have raised (device changes, the DOWN meter, the locked scale).

type Json = Record<string, unknown>;
const MINUTE = 60_000;

function subscriptions(world: EdgexWorld): Json[] {
  const created = world.bootedAt + 4_000;
  const rest: Json = { type: "REST", host: "alerts.example.com", port: 443, path: "/hooks/edgex", httpMethod: "POST" };
  if (world.release === "4.0") rest.injectEdgeXAuth = false;
  return [
    {
      id: uuidFrom(world.seed, "subscription", 1),
      created,
      modified: created,
      name: "device-change-alerts",
      channels: [{ type: "EMAIL", recipients: ["ops@example.com"] }],
      categories: ["device-change"],
      labels: ["metadata"],
      receiver: "ops-team",
      resendLimit: 2,
      resendInterval: "5m",
      adminState: "UNLOCKED",
    },
    {
      id: uuidFrom(world.seed, "subscription", 2),
      created,
      modified: created,
      name: "critical-to-webhook",
      channels: [rest],
      categories: ["health-check"],
      labels: ["critical"],
      receiver: "noc-webhook",
      resendLimit: 3,
      resendInterval: "1m",
      adminState: "UNLOCKED",
    },
  ];
}

function notifications(world: EdgexWorld): Json[] {
  const n = (i: number, created: number, fields: Json, acknowledged: boolean): Json => ({
    id: uuidFrom(world.seed, "notification", i),
    created,
    modified: created,
    ...fields,
    contentType: "text/plain",
    ...(world.release === "4.0" ? { acknowledged } : {}),
  });
  const list = [
    n(1, world.bootedAt + 6_000, { category: "device-change", content: "Device creation: Thermostat-Floor1", labels: ["metadata"], sender: "core-metadata", severity: "NORMAL", status: "PROCESSED" }, true),
    n(2, world.bootedAt + 6_500, { category: "device-change", content: "Device creation: Power-Meter-Aux", labels: ["metadata"], sender: "core-metadata", severity: "NORMAL", status: "PROCESSED" }, true),
    n(3, world.createdAt - 70 * MINUTE, { category: "device-change", content: "Device update: Pallet-Scale-02 adminState LOCKED", labels: ["metadata"], sender: "core-metadata", severity: "MINOR", status: "PROCESSED" }, false),
    n(4, world.createdAt - 25 * MINUTE, { category: "health-check", content: "Power-Meter-Aux: Modbus read timeout, operatingState DOWN", labels: ["critical", "modbus"], sender: "device-modbus", severity: "CRITICAL", status: "ESCALATED" }, false),
  ];
  return list.sort((a, b) => (b.created as number) - (a.created as number));
}

/** Route table of support-notifications for the context's release. */
export function supportNotificationsRoutes(release: EdgexRelease): Route[] {
  function list(r: RoutedRequest, key: string, items: Json[]): SimHttpResponse {
    const paging = parsePaging(r.req, MAX_RESULT_COUNT);
    if (!paging.ok) return paging.response;
    const page = pageOf(r.req, release, items, paging.value);
    if (!page.ok) return page.response;
    return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200, totalCount: page.value.total, [key]: page.value.items });
  }

  /** 4.0's `ack` filter: "" both, "true" acknowledged only, "false" the others. */
  function visible(r: RoutedRequest): Json[] {
    const ack = release === "4.0" ? (r.req.query.get("ack") ?? "") : "";
    return notifications(r.ctx.world).filter((x) => ack === "" || String(x.acknowledged) === ack);
  }

  const has = (field: string, value: string | undefined) => (x: Json) => {
    const v = x[field];
    return Array.isArray(v) ? v.includes(value) : v === value;
  };
  const subs = (r: RoutedRequest, field: string, param: string) =>
    list(r, "subscriptions", subscriptions(r.ctx.world).filter(has(field, r.params[param])));
  const notes = (r: RoutedRequest, field: string, param: string) =>
    list(r, "notifications", visible(r).filter(has(field, r.params[param])));

  const routes: Route[] = [
    ...commonRoutes(),
    { method: "GET", path: "/api/v3/subscription/all", handler: (r) => list(r, "subscriptions", subscriptions(r.ctx.world)) },
    { method: "GET", path: "/api/v3/subscription/category/:category", handler: (r) => subs(r, "categories", "category") },
    { method: "GET", path: "/api/v3/subscription/label/:label", handler: (r) => subs(r, "labels", "label") },
    { method: "GET", path: "/api/v3/subscription/receiver/:receiver", handler: (r) => subs(r, "receiver", "receiver") },
    {
      method: "GET",
      path: "/api/v3/subscription/name/:name",
      handler: ({ req, params, ctx }) => {
        const s = subscriptions(ctx.world).find((x) => x.name === params.name);
        if (!s) return errorResponse(req, 404, `fail to query subscription by name ${params.name}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, subscription: s });
      },
    },
    { method: "GET", path: "/api/v3/notification/category/:category", handler: (r) => notes(r, "category", "category") },
    { method: "GET", path: "/api/v3/notification/label/:label", handler: (r) => notes(r, "labels", "label") },
    { method: "GET", path: "/api/v3/notification/status/:status", handler: (r) => notes(r, "status", "status") },
    {
      method: "GET",
      path: "/api/v3/notification/subscription/name/:name",
      handler: (r) => {
        const s = subscriptions(r.ctx.world).find((x) => x.name === r.params.name);
        if (!s) return errorResponse(r.req, 404, `fail to query subscription by name ${r.params.name}`);
        const cats = s.categories as string[];
        const labels = s.labels as string[];
        const match = (x: Json) => cats.includes(x.category as string) || (x.labels as string[]).some((l) => labels.includes(l));
        return list(r, "notifications", visible(r).filter(match));
      },
    },
    {
      method: "GET",
      path: "/api/v3/notification/start/:start/end/:end",
      handler: (r) => {
        const start = Number(r.params.start);
        const end = Number(r.params.end);
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) {
          return errorResponse(r.req, 400, `invalid time range start ${r.params.start} end ${r.params.end}`);
        }
        return list(r, "notifications", visible(r).filter((x) => (x.created as number) >= start && (x.created as number) <= end));
      },
    },
    {
      method: "GET",
      path: "/api/v3/notification/id/:id",
      handler: ({ req, params, ctx }) => {
        const note = notifications(ctx.world).find((x) => x.id === params.id);
        if (!note) return errorResponse(req, 404, `fail to query notification by id ${params.id}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, notification: note });
      },
    },
  ];
  if (release === "4.0") {
    routes.push({ method: "GET", path: "/api/v3/notification", handler: (r) => list(r, "notifications", visible(r)) });
  }
  return routes;
}
