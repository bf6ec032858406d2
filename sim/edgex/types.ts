import type { EdgexWorld } from "./edgex-world";
import type { ServiceSpec } from "./service-catalog";

// Public contract between the simulator core and the in-process EdgeX services, plus the
// small internal types every service file shares. The contract part is fixed: the core
// (sim/edgex-contract.ts) restates it and must stay in sync.

/** An HTTP request as the Kubernetes service proxy hands it to an in-cluster service. */
export interface SimHttpRequest {
  method: string;
  /** Path after the service-proxy prefix; starts with "/", e.g. "/api/v3/ping". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

export interface SimHttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** One Kubernetes Service (and the pod behind it) of the simulated EdgeX deployment. */
export interface SimService {
  namespace: string;
  name: string;
  port: number;
  labels: Record<string, string>;
  handle(req: SimHttpRequest): Promise<SimHttpResponse>;
}

/** Runtime faults, keyed by Kubernetes service name such as "edgex-core-data". */
export interface EdgexFaults {
  down?: string[];
  /** Added latency in milliseconds. */
  slow?: Record<string, number>;
  malformed?: string[];
}

export interface EdgexDeployment {
  services: SimService[];
  setFaults(f: EdgexFaults): void;
  stop(): void;
}

export type EdgexRelease = "3.1" | "4.0";

export interface CreateEdgexDeploymentOptions {
  release: EdgexRelease;
  seed: number;
  /** Clock in epoch milliseconds; tests inject it to move time. Default Date.now. */
  now?: () => number;
}

/** A request after routing: path parameters decoded, plus the deployment it is for. */
export interface RoutedRequest {
  req: SimHttpRequest;
  params: Record<string, string>;
  ctx: ServiceContext;
}

/** The deployment state and service a request is served by. */
export interface ServiceContext {
  world: EdgexWorld;
  spec: ServiceSpec;
}

export type RouteHandler = (r: RoutedRequest) => SimHttpResponse;
