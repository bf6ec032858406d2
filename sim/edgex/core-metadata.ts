import { commonRoutes } from "./common-routes";
import { findDevice } from "./edgex-world";
import { API_VERSION, errorResponse, jsonResponse } from "./http-response";
import {
  deviceDto,
  deviceServiceDto,
  hasAllLabels,
  labelsParam,
  profileBasicInfoDto,
  profileDto,
  resourceOnlyDto,
} from "./metadata-dto";
import { pageOf, parsePaging } from "./paging";
import type { Route } from "./router";
import { MAX_RESULT_COUNT } from "./service-catalog";
import type { EdgexRelease, RoutedRequest, SimHttpResponse } from "./types";

// core-metadata (59881): read side of devices, device profiles, device services and
// provision watchers. Writes are not simulated; the catalogue is fixed per seed.

/** Route table of core-metadata for the context's release. */
export function coreMetadataRoutes(release: EdgexRelease): Route[] {
  type Items = (world: RoutedRequest["ctx"]["world"]) => Record<string, unknown>[];

  function list(r: RoutedRequest, key: string, all: Items, labelsOf?: (i: number) => string[]): SimHttpResponse {
    const world = r.ctx.world;
    const paging = parsePaging(r.req, MAX_RESULT_COUNT);
    if (!paging.ok) return paging.response;
    const wanted = labelsOf ? labelsParam(r.req.query) : [];
    const items = all(world).filter((_, i) => !labelsOf || hasAllLabels(labelsOf(i), wanted));
    const page = pageOf(r.req, release, items, paging.value);
    if (!page.ok) return page.response;
    return jsonResponse(r.req, 200, { apiVersion: API_VERSION, statusCode: 200, totalCount: page.value.total, [key]: page.value.items });
  }

  const devices: Items = (world) => world.devices.map((d) => deviceDto(world, d));
  const profiles: Items = (world) => world.profiles.map((p) => profileDto(world, p));

  const routes: Route[] = [
    ...commonRoutes(),
    {
      method: "GET",
      path: "/api/v3/device/all",
      handler: (r) => list(r, "devices", devices, (i) => r.ctx.world.devices[i]?.def.labels ?? []),
    },
    {
      method: "GET",
      path: "/api/v3/device/name/:name",
      handler: ({ req, params, ctx }) => {
        const dev = findDevice(ctx.world, params.name ?? "");
        if (!dev) return errorResponse(req, 404, `fail to query device by name ${params.name}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, device: deviceDto(ctx.world, dev) });
      },
    },
    {
      method: "GET",
      path: "/api/v3/device/check/name/:name",
      handler: ({ req, params, ctx }) =>
        findDevice(ctx.world, params.name ?? "")
          ? jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200 })
          : errorResponse(req, 404, `device ${params.name} does not exist`),
    },
    {
      method: "GET",
      path: "/api/v3/device/profile/name/:name",
      handler: (r) => {
        const name = r.params.name ?? "";
        if (!r.ctx.world.profiles.some((p) => p.name === name)) {
          return errorResponse(r.req, 404, `fail to query device profile by name ${name}`);
        }
        return list(r, "devices", (w) => w.devices.filter((d) => d.def.profileName === name).map((d) => deviceDto(w, d)));
      },
    },
    {
      method: "GET",
      path: "/api/v3/device/service/name/:name",
      handler: (r) => {
        const name = r.params.name ?? "";
        if (!r.ctx.world.deviceServices.some((s) => s.name === name)) {
          return errorResponse(r.req, 404, `fail to query device service by name ${name}`);
        }
        return list(r, "devices", (w) => w.devices.filter((d) => d.def.serviceName === name).map((d) => deviceDto(w, d)));
      },
    },
    {
      method: "GET",
      path: "/api/v3/deviceprofile/all",
      handler: (r) => list(r, "profiles", profiles, (i) => r.ctx.world.profiles[i]?.labels ?? []),
    },
    {
      method: "GET",
      path: "/api/v3/deviceprofile/name/:name",
      handler: ({ req, params, ctx }) => {
        const p = ctx.world.profiles.find((x) => x.name === params.name);
        if (!p) return errorResponse(req, 404, `fail to query device profile by name ${params.name}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, profile: profileDto(ctx.world, p) });
      },
    },
    {
      method: "GET",
      path: "/api/v3/deviceprofile/manufacturer/:manufacturer/model/:model",
      handler: (r) =>
        list(r, "profiles", (w) =>
          w.profiles
            .filter((p) => p.manufacturer === r.params.manufacturer && p.model === r.params.model)
            .map((p) => profileDto(w, p)),
        ),
    },
    {
      method: "GET",
      path: "/api/v3/deviceprofile/manufacturer/:manufacturer",
      handler: (r) =>
        list(r, "profiles", (w) =>
          w.profiles.filter((p) => p.manufacturer === r.params.manufacturer).map((p) => profileDto(w, p)),
        ),
    },
    {
      method: "GET",
      path: "/api/v3/deviceprofile/model/:model",
      handler: (r) =>
        list(r, "profiles", (w) => w.profiles.filter((p) => p.model === r.params.model).map((p) => profileDto(w, p))),
    },
    {
      method: "GET",
      path: "/api/v3/deviceresource/profile/:profileName/resource/:resourceName",
      handler: ({ req, params, ctx }) => {
        const p = ctx.world.profiles.find((x) => x.name === params.profileName);
        const res = p?.resources.find((x) => x.name === params.resourceName);
        if (!p || !res) {
          return errorResponse(req, 404, `fail to query device resource ${params.resourceName} of profile ${params.profileName}`);
        }
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, resource: resourceOnlyDto(res) });
      },
    },
    {
      method: "GET",
      path: "/api/v3/deviceservice/all",
      handler: (r) =>
        list(r, "services", (w) => w.deviceServices.map((s) => deviceServiceDto(w, s)), (i) => r.ctx.world.deviceServices[i]?.labels ?? []),
    },
    {
      method: "GET",
      path: "/api/v3/deviceservice/name/:name",
      handler: ({ req, params, ctx }) => {
        const s = ctx.world.deviceServices.find((x) => x.name === params.name);
        if (!s) return errorResponse(req, 404, `fail to query device service by name ${params.name}`);
        return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, service: deviceServiceDto(ctx.world, s) });
      },
    },
    {
      method: "GET",
      path: "/api/v3/provisionwatcher/all",
      // No provision watchers are configured; 4.0 renamed the list key to camelCase.
      handler: (r) => list(r, release === "3.1" ? "provisionwatchers" : "provisionWatchers", () => []),
    },
  ];
  if (release === "4.0") {
    routes.push(
      {
        method: "GET",
        path: "/api/v3/device/id/:id",
        handler: ({ req, params, ctx }) => {
          const dev = ctx.world.devices.find((d) => d.id === params.id);
          if (!dev) return errorResponse(req, 404, `fail to query device by id ${params.id}`);
          return jsonResponse(req, 200, { apiVersion: API_VERSION, statusCode: 200, device: deviceDto(ctx.world, dev) });
        },
      },
      {
        method: "GET",
        path: "/api/v3/deviceprofile/basicinfo/all",
        handler: (r) =>
          list(r, "profiles", (w) => w.profiles.map((p) => profileBasicInfoDto(w, p)), (i) => r.ctx.world.profiles[i]?.labels ?? []),
      },
    );
  }
  return routes;
}
