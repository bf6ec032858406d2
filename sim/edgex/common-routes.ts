import { API_VERSION, formatUnixDate, jsonResponse } from "./http-response";
import type { Route } from "./router";
import { RELEASE_VERSION } from "./service-catalog";
import { serviceConfig } from "./service-config";

// The three endpoints every EdgeX v3 service answers: ping, version and config.

/** GET /api/v3/ping, /version and /config (shared by every service's table). */
export function commonRoutes(): Route[] {
  return [
    {
      method: "GET",
      path: "/api/v3/ping",
      handler: ({ req, ctx }) =>
        jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          timestamp: formatUnixDate(ctx.world.now()),
          serviceName: ctx.spec.key,
        }),
    },
    {
      method: "GET",
      path: "/api/v3/version",
      handler: ({ req, ctx }) => {
        const version = RELEASE_VERSION[ctx.world.release];
        const isDeviceService = ctx.spec.kind === "device-virtual" || ctx.spec.kind === "device-rest";
        return jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          version,
          serviceName: ctx.spec.key,
          // Device services built on device-sdk-go also report the SDK they embed.
          ...(isDeviceService ? { sdk_version: version } : {}),
        });
      },
    },
    {
      method: "GET",
      path: "/api/v3/config",
      // Built per request: thousands of idle deployments should not each hold 9 configs.
      handler: ({ req, ctx }) =>
        jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          config: serviceConfig(ctx.spec, ctx.world.release, ctx.world.seed),
          serviceName: ctx.spec.key,
        }),
    },
  ];
}
