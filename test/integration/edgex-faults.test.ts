import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { callEdgex } from "@/lib/shared/edgex/call-edgex";
import { discoverEdgexServices } from "@/lib/server/edgex/discover-edgex-services";
import { kubeProxyTransport } from "@/lib/server/edgex/kube-proxy-transport";
import type { TEdgexDevicePage, TEdgexOverview, TEdgexServiceStatus } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexReadingList, TEdgexReadResult } from "@/lib/shared/edgex/edgex-detail.schema";
import { startEdgeFixture, type EdgeFixture } from "./edgex-fixture";

// Short enough to keep the test quick, long enough that healthy services answer on a loaded CI machine.
const TIMEOUT_MS = 2500;

describe("EdgeX faults: the failing service is named with its reason, the rest keeps working", () => {
  let fx: EdgeFixture;
  const previous = process.env.OUTPOST_EDGEX_TIMEOUT_MS;
  beforeAll(async () => {
    process.env.OUTPOST_EDGEX_TIMEOUT_MS = String(TIMEOUT_MS);
    fx = await startEdgeFixture("exf", ["k3s", "edgex"]);
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.OUTPOST_EDGEX_TIMEOUT_MS;
    else process.env.OUTPOST_EDGEX_TIMEOUT_MS = previous;
    await fx?.stop();
  });

  const overview = async () => {
    const started = Date.now();
    const { status, body } = await fx.get<TEdgexOverview>("/api/v1/clusters/exf/edgex");
    expect(status).toBe(200);
    return { body, ms: Date.now() - started, byName: Object.fromEntries(body.services.map((s) => [s.name, s])) as Record<string, TEdgexServiceStatus> };
  };
  const healthyExcept = (byName: Record<string, TEdgexServiceStatus>, names: string[]) =>
    Object.values(byName).filter((s) => !names.includes(s.name)).every((s) => s.up === true && s.failure === null);
  // On a loaded machine a healthy service can miss the short deadline once: up to three
  // overviews, the first in which every other service answered (the assertions still fail
  // if none does).
  const overviewWithOthersHealthy = async (faulty: string[]) => {
    let last = await overview();
    for (let attempt = 1; attempt < 3 && !healthyExcept(last.byName, faulty); attempt++) last = await overview();
    return last;
  };

  it("down: the proxy's refusal marks only that service down", async () => {
    fx.cluster.setFaults({ edgex: { down: ["edgex-core-data"] } });
    const { body, byName } = await overviewWithOthersHealthy(["edgex-core-data"]);
    expect(byName["edgex-core-data"]).toMatchObject({ up: false, failure: { reason: "down" } });
    expect(byName["edgex-core-data"]?.failure?.status).toBeGreaterThanOrEqual(500);
    expect(healthyExcept(byName, ["edgex-core-data"])).toBe(true);
    expect(body.summary).toMatchObject({ servicesUp: 7, servicesTotal: 8 });
    expect(body.readingsFailure?.reason).toBe("down");
    expect(body.devicesFailure).toBeNull();
    // Devices still list (core-metadata is fine); only their last-reading column says why it is empty.
    const devices = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exf/edgex/devices?limit=3");
    expect(devices.body.failure).toBeNull();
    expect(devices.body.items).toHaveLength(3);
    expect(devices.body.readingsFailure?.reason).toBe("down");
    const readings = await fx.get<TEdgexReadingList>("/api/v1/clusters/exf/edgex/readings?limit=5");
    expect(readings).toMatchObject({ status: 200, body: { failure: { reason: "down" } } });
  });

  it("slow: a service slower than the deadline is `slow` within one deadline, the others answer", async () => {
    fx.cluster.setFaults({ edgex: { slow: { "edgex-core-metadata": TIMEOUT_MS * 3 } } });
    const { body, ms, byName } = await overviewWithOthersHealthy(["edgex-core-metadata"]);
    expect(byName["edgex-core-metadata"]).toMatchObject({ up: false, failure: { reason: "slow", timeoutMs: TIMEOUT_MS } });
    expect(healthyExcept(byName, ["edgex-core-metadata"])).toBe(true);
    expect(body.devicesFailure?.reason).toBe("slow");
    expect(ms).toBeLessThan(TIMEOUT_MS * 3);
    const devices = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exf/edgex/devices");
    expect(devices.body.failure?.reason).toBe("slow");
  });

  it("malformed: a truncated JSON body is `malformed` for that service only (also when slow too)", async () => {
    fx.cluster.setFaults({ edgex: { malformed: ["edgex-core-command", "edgex-device-virtual"], slow: { "edgex-device-virtual": 200 } } });
    const { byName } = await overviewWithOthersHealthy(["edgex-core-command", "edgex-device-virtual"]);
    expect(byName["edgex-core-command"]).toMatchObject({ up: false, failure: { reason: "malformed", status: 200 } });
    expect(byName["edgex-device-virtual"]).toMatchObject({ up: false, failure: { reason: "malformed" } });
    expect(healthyExcept(byName, ["edgex-core-command", "edgex-device-virtual"])).toBe(true);
    const read = await fx.get<TEdgexReadResult>("/api/v1/clusters/exf/edgex/devices/Thermostat-Floor1/commands/Climate");
    expect(read).toMatchObject({ status: 200, body: { readings: [], failure: { reason: "malformed" } } });
  });

  it("unsupported: a 404 from an endpoint this release lacks (3.1 has no scheduler jobs)", async () => {
    fx.cluster.setFaults({});
    const services = await discoverEdgexServices("exf", TIMEOUT_MS);
    const scheduler = services.find((s) => s.key === "support-scheduler")!;
    const transport = kubeProxyTransport("exf", null);
    const jobs = await callEdgex(transport, scheduler, { path: "/api/v3/job/all", timeoutMs: TIMEOUT_MS }, z.object({ jobs: z.array(z.unknown()) }));
    expect(jobs).toMatchObject({ ok: false, failure: { reason: "unsupported", status: 404 } });
    const intervals = await callEdgex(transport, scheduler, { path: "/api/v3/interval/all", timeoutMs: TIMEOUT_MS }, z.object({ intervals: z.array(z.unknown()) }));
    expect(intervals.ok).toBe(true);
  });

  it("recovers on the next refresh once the faults clear", async () => {
    fx.cluster.setFaults({});
    const { body } = await overview();
    expect(body.summary).toMatchObject({ servicesUp: 8, servicesTotal: 8 });
    expect(body.services.every((s) => s.up)).toBe(true);
  });

  it("a disconnected cluster is one error, not eight failures, and never a 500", async () => {
    fx.attached.cut();
    const { status, body } = await fx.get<TEdgexOverview>("/api/v1/clusters/exf/edgex");
    expect(status).toBe(200);
    expect(body.error?.reason).toMatch(/ClusterNotConnected|TunnelError/);
    const devices = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exf/edgex/devices");
    expect(devices).toMatchObject({ status: 200, body: { failure: { reason: "cluster" } } });
  });
});
