import { type ServiceContext } from "./common-routes";
import { coreCommandRoutes } from "./core-command";
import { coreDataRoutes } from "./core-data";
import { coreKeeperRoutes } from "./core-keeper";
import { coreMetadataRoutes } from "./core-metadata";
import { deviceServiceRoutes } from "./device-service";
import { edgexUiRoutes } from "./edgex-ui";
import { createWorld, type EdgexWorld } from "./edgex-world";
import { corruptResponse, parseFaults, SocketError, type FaultState } from "./fault-state";
import { hash32 } from "./prng";
import { createRouter, type Route } from "./router";
import { releaseServices, type ServiceSpec } from "./service-catalog";
import { supportNotificationsRoutes } from "./support-notifications";
import { supportSchedulerRoutes } from "./support-scheduler";
import { unsupportedRoutes } from "./unsupported-routes";
import type { CreateEdgexDeploymentOptions, EdgexDeployment, SimHttpRequest, SimHttpResponse, SimService } from "./types";

// Assembles one EdgeX deployment (namespace "edgex"): the shared world, one router per
// service, and the fault layer every request passes through. The world and each router
// are built on first use and no timers run unless a "slow" fault is delaying a response,
// so an idle deployment costs a few kilobytes — thousands of clusters stay cheap.

const NAMESPACE = "edgex";

function routesFor(ctx: ServiceContext): Route[] {
  switch (ctx.spec.kind) {
    case "core-data":
      return coreDataRoutes(ctx);
    case "core-metadata":
      return coreMetadataRoutes(ctx);
    case "core-command":
      return coreCommandRoutes(ctx);
    case "support-notifications":
      return supportNotificationsRoutes(ctx);
    case "support-scheduler":
      return supportSchedulerRoutes(ctx);
    case "core-keeper":
      return coreKeeperRoutes(ctx);
    case "device-virtual":
    case "device-rest":
      return deviceServiceRoutes(ctx);
    case "ui":
      return edgexUiRoutes(ctx);
  }
}

/**
 * Creates the in-process EdgeX services of one simulated cluster. Data is deterministic
 * in `seed` and driven by `now()`; `setFaults` replaces the active fault set; `stop`
 * cancels delayed responses and makes every later request fail like a dead pod.
 */
export function createEdgexDeployment(opts: CreateEdgexDeploymentOptions): EdgexDeployment {
  const now = opts.now ?? Date.now;
  const createdAt = Math.floor(now());
  let world: EdgexWorld | null = null;
  const specs = releaseServices(opts.release);
  const known = specs.map((s) => s.name);
  let faults: FaultState = { down: new Set(), slow: new Map(), malformed: new Set() };
  let stopped = false;
  const pending = new Map<NodeJS.Timeout, (err: Error) => void>();

  const podAddress = (spec: ServiceSpec) =>
    `10.42.${hash32(opts.seed, "node") % 3}.${10 + (hash32(opts.seed, spec.name) % 240)}:${spec.port}`;

  function delay(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve();
      }, ms);
      pending.set(timer, reject);
    });
  }

  function getWorld(): EdgexWorld {
    if (!world) {
      world = createWorld(opts.release, opts.seed, now, createdAt);
      world.down = new Set(faults.down);
    }
    return world;
  }

  function makeService(spec: ServiceSpec): SimService {
    let router: ((req: SimHttpRequest) => SimHttpResponse) | null = null;
    const build = () => createRouter([...routesFor({ world: getWorld(), spec }), ...unsupportedRoutes(spec.kind, opts.release)]);
    const route = (req: SimHttpRequest) => (router ??= build())(req);
    const refused = () => new SocketError(`dial tcp ${podAddress(spec)}: connect: connection refused`, "ECONNREFUSED");
    async function handle(req: SimHttpRequest): Promise<SimHttpResponse> {
      if (stopped || faults.down.has(spec.name)) throw refused();
      const ms = faults.slow.get(spec.name) ?? 0;
      if (ms > 0) await delay(ms);
      const res = route(req);
      return faults.malformed.has(spec.name) ? corruptResponse(res) : res;
    }
    return {
      namespace: NAMESPACE,
      name: spec.name,
      port: spec.port,
      labels: { "app.kubernetes.io/name": spec.name, "org.edgexfoundry.service": spec.key },
      handle,
    };
  }

  return {
    services: specs.map(makeService),
    setFaults(f) {
      faults = parseFaults(f, known);
      if (world) world.down = new Set(faults.down);
    },
    stop() {
      stopped = true;
      for (const [timer, reject] of pending) {
        clearTimeout(timer);
        reject(new SocketError("read tcp: connection reset by peer", "ECONNRESET"));
      }
      pending.clear();
    },
  };
}
