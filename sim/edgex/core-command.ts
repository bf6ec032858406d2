import { handleReadCommand, handleWriteCommand } from "./command-http";
import { commonRoutes } from "./common-routes";
import { findDevice, type DeviceRuntime } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import { pageOf, parsePaging } from "./paging";
import type { Route } from "./router";
import { MAX_RESULT_COUNT } from "./service-catalog";
import type { RoutedRequest, SimHttpResponse } from "./types";

// core-command (59882): lists each device's core commands (built from its profile the way
// edgex-go's buildCoreCommands does) and issues GET/PUT commands to the device's service.

const COMMAND_URL = "http://edgex-core-command:59882";

function coreCommands(dev: DeviceRuntime): Record<string, unknown>[] {
  const p = dev.profile;
  const typeOf = (name: string) => p.resources.find((r) => r.name === name)?.valueType ?? "String";
  const build = (name: string, rw: string, parameters: Array<{ resourceName: string; valueType: string }>) => ({
    name,
    ...(rw.includes("R") ? { get: true } : {}),
    ...(rw.includes("W") ? { set: true } : {}),
    path: `/api/v3/device/name/${encodeURIComponent(dev.def.name)}/${encodeURIComponent(name)}`,
    url: COMMAND_URL,
    parameters,
  });
  const fromCommands = p.commands
    .filter((c) => !c.isHidden)
    .map((c) =>
      build(
        c.name,
        c.readWrite,
        c.resourceOperations.map((o) => ({ resourceName: o.deviceResource, valueType: typeOf(o.deviceResource) })),
      ),
    );
  const named = new Set(p.commands.map((c) => c.name));
  const fromResources = p.resources
    .filter((r) => !r.isHidden && !named.has(r.name))
    .map((r) => build(r.name, r.readWrite, [{ resourceName: r.name, valueType: r.valueType }]));
  return [...fromCommands, ...fromResources];
}

function deviceCoreCommand(dev: DeviceRuntime): Record<string, unknown> {
  return { deviceName: dev.def.name, profileName: dev.def.profileName, coreCommands: coreCommands(dev) };
}

/** Route table of core-command. */
export function coreCommandRoutes(): Route[] {
  function withDevice(handler: (dev: DeviceRuntime, r: RoutedRequest) => SimHttpResponse) {
    return (r: RoutedRequest): SimHttpResponse => {
      const dev = findDevice(r.ctx.world, r.params.name ?? "");
      if (!dev) return errorResponse(r.req, 404, `fail to query device by name ${r.params.name}`);
      return handler(dev, r);
    };
  }

  return [
    ...commonRoutes(),
    {
      method: "GET",
      path: "/api/v3/device/all",
      handler: ({ req, ctx }) => {
        const paging = parsePaging(req, MAX_RESULT_COUNT);
        if (!paging.ok) return paging.response;
        const page = pageOf(req, ctx.world.release, ctx.world.devices, paging.value);
        if (!page.ok) return page.response;
        return jsonResponse(req, 200, {
          apiVersion: API_VERSION,
          statusCode: 200,
          totalCount: page.value.total,
          deviceCoreCommands: page.value.items.map(deviceCoreCommand),
        });
      },
    },
    {
      method: "GET",
      path: "/api/v3/device/name/:name",
      handler: withDevice((dev, { req }) =>
        jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, deviceCoreCommand: deviceCoreCommand(dev) }),
      ),
    },
    {
      method: "GET",
      path: "/api/v3/device/name/:name/:command",
      handler: withDevice((dev, r) => handleReadCommand(r.ctx.world, dev, r)),
    },
    {
      method: "PUT",
      path: "/api/v3/device/name/:name/:command",
      handler: withDevice((dev, r) => handleWriteCommand(r.ctx.world, dev, r)),
    },
  ];
}
