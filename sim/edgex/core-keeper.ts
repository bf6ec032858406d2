import { commonRoutes } from "./common-routes";
import type { EdgexWorld } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import type { Route } from "./router";
import { releaseServices, type ServiceSpec } from "./service-catalog";
import { serviceConfig } from "./service-config";
import type { EdgexRelease, SimHttpRequest, SimHttpResponse } from "./types";

// core-keeper (4.0 only, 59890): the registry every service registers with, and the
// key/value configuration store that replaced Consul. A service faulted "down" shows as
// DOWN here, like keeper's health checks would report it.

type Json = Record<string, unknown>;

function flatten(prefix: string, value: unknown, out: Array<[string, string]>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Json);
    if (entries.length === 0) out.push([prefix, ""]);
    for (const [k, v] of entries) flatten(`${prefix}/${k}`, v, out);
    return;
  }
  out.push([prefix, Array.isArray(value) ? value.join(",") : String(value)]);
}

/** Route table of core-keeper. */
export function coreKeeperRoutes(release: EdgexRelease): Route[] {
  const registered = releaseServices(release).filter((s) => s.kind !== "ui" && s.kind !== "core-keeper");

  function registration(world: EdgexWorld, s: ServiceSpec): Json {
    const now = world.now();
    const created = world.bootedAt + 2_000;
    const down = world.down.has(s.name);
    return {
      created,
      modified: now,
      serviceId: s.key,
      status: down ? "DOWN" : "UP",
      host: s.name,
      port: s.port,
      healthCheck: { interval: "10s", path: "/api/v3/ping", type: "http" },
      lastConnected: down ? now - 10_000 : now,
    };
  }

  const kvs = (world: EdgexWorld): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (const s of registered) flatten(`edgex/v4/${s.key}`, serviceConfig(s, world.release, world.seed), out);
    return out;
  };

  function getKeys(world: EdgexWorld, req: SimHttpRequest, key: string): SimHttpResponse {
    const prefix = key.replace(/\/+$/, "");
    const matches = kvs(world).filter(([k]) => k === prefix || k.startsWith(`${prefix}/`));
    if (matches.length === 0) return errorResponse(req, 404, `query key ${key} not found`);
    if ((req.query.get("keyOnly") ?? "") === "true") {
      return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, response: matches.map(([k]) => k) });
    }
    const plain = (req.query.get("plaintext") ?? "") === "true";
    const created = world.bootedAt + 2_500;
    const response = matches.map(([k, v]) => ({
      key: k,
      created,
      modified: created,
      value: plain ? v : Buffer.from(v).toString("base64"),
    }));
    return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, response });
  }

  return [
    ...commonRoutes(),
    {
      method: "GET",
      path: "/api/v3/registry/all",
      handler: ({ req, ctx }) => {
        const registrations = registered.map((s) => registration(ctx.world, s));
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, totalCount: registrations.length, registrations });
      },
    },
    {
      method: "GET",
      path: "/api/v3/registry/serviceId/:serviceId",
      handler: ({ req, params, ctx }) => {
        const s = registered.find((x) => x.key === params.serviceId);
        if (!s) return errorResponse(req, 404, `service ${params.serviceId} not found in registry`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, registration: registration(ctx.world, s) });
      },
    },
    { method: "GET", path: "/api/v3/kvs/key/*key", handler: ({ req, params, ctx }) => getKeys(ctx.world, req, params.key ?? "") },
  ];
}
