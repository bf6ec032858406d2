import type { EdgexWorld } from "./edgex-world";
import { API_VERSION, formatUnixDate, jsonResponse } from "./http-response";
import type { Route } from "./router";
import { RELEASE_VERSION, type ServiceSpec } from "./service-catalog";
import { serviceConfig } from "./service-config";

// The three endpoints every EdgeX v3 service answers: ping, version and config.

export interface ServiceContext {
  world: EdgexWorld;
  spec: ServiceSpec;
}

/** GET /api/v3/ping, /version and /config for one service. */
export function commonRoutes(ctx: ServiceContext): Route[] {
  const { world, spec } = ctx;
  const version = RELEASE_VERSION[world.release];
  const isDeviceService = spec.kind === "device-virtual" || spec.kind === "device-rest";
  return [
    {
      method: "GET",
      path: "/api/v3/ping",
      handler: ({ req }) =>
        jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          timestamp: formatUnixDate(world.now()),
          serviceName: spec.key,
        }),
    },
    {
      method: "GET",
      path: "/api/v3/version",
      handler: ({ req }) =>
        jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          version,
          serviceName: spec.key,
          // Device services built on device-sdk-go also report the SDK they embed.
          ...(isDeviceService ? { sdk_version: version } : {}),
        }),
    },
    {
      method: "GET",
      path: "/api/v3/config",
      // Built per request: thousands of idle deployments should not each hold 9 configs.
      handler: ({ req }) =>
        jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          config: serviceConfig(spec, world.release, world.seed),
          serviceName: spec.key,
        }),
    },
  ];
}
