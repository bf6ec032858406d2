import type { TEdgexServiceRef } from "./match-edgex-services";
import type { EdgexTransport } from "./edgex-transport";

/** Everything an EdgeX operation needs: how to reach the services, which exist, the deadline. */
export interface EdgexContext {
  clusterId: string;
  transport: EdgexTransport;
  services: TEdgexServiceRef[];
  timeoutMs: number;
}

/** The service answering for `key` (core-data, core-metadata, …): the first known, probe-able one. */
export function serviceFor(ctx: EdgexContext, key: string): TEdgexServiceRef | undefined {
  return ctx.services.find((s) => s.key === key && s.known && s.probe !== "none");
}
