import { handleReadCommand, handleWriteCommand } from "./command-http";
import { commonRoutes } from "./common-routes";
import { buildEvent, findDevice, storePushedEvent, type DeviceRuntime } from "./edgex-world";
import { errorResponse } from "./http-response";
import type { Route } from "./router";
import type { ServiceKind } from "./service-catalog";
import type { RoutedRequest, SimHttpResponse } from "./types";
import { parseSetValue } from "./value-codec";

// A device service (device-virtual 59900, device-rest 59986): the device-sdk command API
// for its own devices, and for device-rest the async endpoint sensors push readings to.

/** Route table of a device service. */
export function deviceServiceRoutes(kind: ServiceKind): Route[] {
  function ownDevice(handler: (dev: DeviceRuntime, r: RoutedRequest) => SimHttpResponse) {
    return (r: RoutedRequest): SimHttpResponse => {
      const name = r.params.name ?? r.params.deviceName ?? "";
      const dev = findDevice(r.ctx.world, name);
      if (!dev || dev.def.serviceName !== r.ctx.spec.key) return errorResponse(r.req, 404, `device ${name} not found`);
      return handler(dev, r);
    };
  }

  const routes: Route[] = [
    ...commonRoutes(),
    {
      method: "GET",
      path: "/api/v3/device/name/:name/:command",
      handler: ownDevice((dev, r) => handleReadCommand(r.ctx.world, dev, r)),
    },
    {
      method: "PUT",
      path: "/api/v3/device/name/:name/:command",
      handler: ownDevice((dev, r) => handleWriteCommand(r.ctx.world, dev, r)),
    },
  ];
  if (kind === "device-rest") {
    routes.push({
      method: "POST",
      path: "/api/v3/resource/:deviceName/:resourceName",
      handler: ownDevice((dev, { req, params, ctx }) => {
        const world = ctx.world;
        const res = dev.profile.resources.find((r) => r.name === params.resourceName);
        if (!res) return errorResponse(req, 404, `deviceResource ${params.resourceName} not found`);
        if (res.readWrite === "W") return errorResponse(req, 400, `deviceResource ${res.name} is marked as write-only`);
        if (dev.def.adminState === "LOCKED") return errorResponse(req, 423, `device ${dev.def.name} locked`);
        const parsed = parseSetValue({ ...res, minimum: undefined, maximum: undefined }, req.body.toString("utf8").trim());
        if (!parsed.ok) return errorResponse(req, 400, parsed.message);
        world.commandSeq++;
        const event = buildEvent(world, dev, res.name, [res], Math.floor(world.now()), `rest-${world.commandSeq}`);
        const reading = event.readings[0];
        if (reading) reading.value = parsed.value;
        storePushedEvent(dev, event);
        return { status: 200, body: "" };
      }),
    });
  }
  return routes;
}
