import "server-only";
import client from "prom-client";
import { connectedClusterIds } from "../tunnel/tunnel-registry";
import { lastFleetPass } from "../fleet/start-fleet-collector";
import { dbPoolStats } from "../db/prisma";

/** Every metric the console exports at /metrics (docs/OPERATIONS.md lists them). */
export interface ConsoleMetrics {
  registry: client.Registry;
  httpRequests: client.Counter<"route" | "method" | "status">;
  httpDuration: client.Histogram<"route" | "method">;
  auditEvents: client.Counter<"action" | "outcome">;
  passthroughBytes: client.Counter<"direction">;
}

function create(): ConsoleMetrics {
  const registry = new client.Registry();
  // process_* and nodejs_* (heap, GC, handles, event-loop delay percentiles).
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const httpRequests = new client.Counter({
    name: "outpost_http_requests_total",
    help: "HTTP requests answered, by route template, method and status code.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: "outpost_http_request_duration_seconds",
    help: "Time to the end of the response (streams excluded: watches, logs, SSE, upgrades).",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const auditEvents = new client.Counter({
    name: "outpost_audit_events_total",
    help: "Audit events recorded, by action and outcome (enrolments: action cluster.enroll; logins: auth.login).",
    labelNames: ["action", "outcome"] as const,
    registers: [registry],
  });
  const passthroughBytes = new client.Counter({
    name: "outpost_passthrough_bytes_total",
    help: "Bytes relayed by the kubectl passthrough, by direction (upstream = to clusters).",
    labelNames: ["direction"] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: "outpost_tunnels_connected",
    help: "Agent tunnels held by this process.",
    registers: [registry],
    collect() {
      this.set(connectedClusterIds().length);
    },
  });
  new client.Gauge({
    name: "outpost_fleet_collector_pass_seconds",
    help: "Duration of the fleet health collector's latest pass.",
    registers: [registry],
    collect() {
      const pass = lastFleetPass();
      if (pass) this.set(pass.ms / 1000);
    },
  });
  new client.Gauge({
    name: "outpost_fleet_collector_lag_seconds",
    help: "Seconds since the fleet health collector's latest completed pass.",
    registers: [registry],
    collect() {
      const pass = lastFleetPass();
      if (pass) this.set((Date.now() - Date.parse(pass.at)) / 1000);
    },
  });
  new client.Gauge({
    name: "outpost_db_pool_connections",
    help: "Database pool connections by state (total, idle, waiting requests).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = dbPoolStats();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  return { registry, httpRequests, httpDuration, auditEvents, passthroughBytes };
}

// One set per process: server.ts and Next's bundles load separate copies of this module.
const KEY = Symbol.for("outpost.metrics");
type Holder = { [KEY]?: ConsoleMetrics };

/** The process's metrics, created on first use. */
export function consoleMetrics(): ConsoleMetrics {
  return ((globalThis as Holder)[KEY] ??= create());
}
