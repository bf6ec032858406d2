// The contract of sim/edgex (owned by another helper), restated here so the simulator
// compiles before that module lands. Keep in sync with sim/edgex/index.ts.

export interface SimHttpRequest {
  method: string;
  /** Path after the proxy prefix, starts with "/". */
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

export interface SimService {
  namespace: string;
  name: string;
  port: number;
  labels: Record<string, string>;
  handle(req: SimHttpRequest): Promise<SimHttpResponse>;
}

export interface EdgexFaults {
  down?: string[];
  slow?: Record<string, number>;
  malformed?: string[];
}

export interface EdgexDeployment {
  services: SimService[];
  setFaults(f: EdgexFaults): void;
  stop(): void;
}
