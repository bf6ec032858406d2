import { coreCommandRoutes } from "./core-command";
import { coreDataRoutes } from "./core-data";
import { coreKeeperRoutes } from "./core-keeper";
import { coreMetadataRoutes } from "./core-metadata";
import { deviceServiceRoutes } from "./device-service";
import { edgexUiRoutes } from "./edgex-ui";
import { createRouter, type Route } from "./router";
import type { ServiceKind } from "./service-catalog";
import { supportNotificationsRoutes } from "./support-notifications";
import { supportSchedulerRoutes } from "./support-scheduler";
import type { EdgexRelease, ServiceContext, SimHttpRequest, SimHttpResponse } from "./types";
import { unsupportedRoutes } from "./unsupported-routes";

// One compiled router per (service kind, release), shared by every deployment in the
// process: a touched deployment then costs its world, not nine route tables.

type Dispatch = (req: SimHttpRequest, ctx: ServiceContext) => SimHttpResponse;
const tables = new Map<string, Dispatch>();

function routesFor(kind: ServiceKind, release: EdgexRelease): Route[] {
  switch (kind) {
    case "core-data":
      return coreDataRoutes(release);
    case "core-metadata":
      return coreMetadataRoutes(release);
    case "core-command":
      return coreCommandRoutes();
    case "support-notifications":
      return supportNotificationsRoutes(release);
    case "support-scheduler":
      return supportSchedulerRoutes(release);
    case "core-keeper":
      return coreKeeperRoutes(release);
    case "device-virtual":
    case "device-rest":
      return deviceServiceRoutes(kind);
    case "ui":
      return edgexUiRoutes(release);
  }
}

/** The shared dispatcher of a service kind in a release. */
export function routeTable(kind: ServiceKind, release: EdgexRelease): Dispatch {
  const key = `${kind}@${release}`;
  let table = tables.get(key);
  if (!table) {
    table = createRouter([...routesFor(kind, release), ...unsupportedRoutes(kind, release)]);
    tables.set(key, table);
  }
  return table;
}
