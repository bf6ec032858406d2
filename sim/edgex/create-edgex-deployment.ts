import { createWorld, type EdgexWorld } from "./edgex-world";
import { corruptResponse, parseFaults, SocketError, type FaultState } from "./fault-state";
import { hash32 } from "./prng";
import { routeTable } from "./route-tables";
import { releaseServices, type ServiceSpec } from "./service-catalog";
import type { CreateEdgexDeploymentOptions, EdgexDeployment, SimHttpRequest, SimHttpResponse, SimService } from "./types";

// Assembles one EdgeX deployment (namespace "edgex"): the world its services share, the
// process-wide route tables, and the fault layer every request passes through. The world
// is built on first request and no timers run unless a "slow" fault is delaying a
// response, so thousands of simulated clusters stay cheap.

const NAMESPACE = "edgex";

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
    const dispatch = routeTable(spec.kind, opts.release);
    let ctx: { world: EdgexWorld; spec: ServiceSpec } | null = null;
    const route = (req: SimHttpRequest) => dispatch(req, (ctx ??= { world: getWorld(), spec }));
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
