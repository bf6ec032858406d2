// Both EdgeX releases through the same client code: the simulator's 3.1 (Napa) and 4.0
// (Odessa) handlers are called directly (the Kubernetes scenario only deploys 3.1), with a
// transport that answers like the apiserver's service proxy (503 when a service is down).
import { afterEach, describe, expect, it } from "vitest";
import { createEdgexDeployment, type EdgexDeployment } from "@/sim/edgex";
import { matchEdgexServices } from "@/lib/shared/edgex/match-edgex-services";
import { buildEdgexOverview } from "@/lib/shared/edgex/build-edgex-overview";
import type { EdgexContext } from "@/lib/shared/edgex/edgex-context";
import type { EdgexRawAnswer, EdgexTransport } from "@/lib/shared/edgex/edgex-transport";
import { readAllDevices } from "@/lib/shared/edgex/read-edgex-totals";

function simTransport(dep: EdgexDeployment): EdgexTransport {
  return async (ref, req): Promise<EdgexRawAnswer> => {
    const svc = dep.services.find((s) => s.name === ref.name);
    const started = Date.now();
    const query = new URLSearchParams(Object.entries(req.query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const body = Buffer.from(req.body === undefined ? "" : JSON.stringify(req.body));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), req.timeoutMs)));
    try {
      const res = await Promise.race([svc!.handle({ method: req.method ?? "GET", path: req.path, query, headers: {}, body }), timeout]);
      const latencyMs = Date.now() - started;
      if (res === "timeout") return { ok: false, problem: { kind: "timeout", timeoutMs: req.timeoutMs }, latencyMs };
      const text = typeof res.body === "string" ? res.body : res.body.toString("utf8");
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, text, latencyMs };
      return { ok: false, problem: { kind: "http", status: res.status, fromService: true, reason: `HTTP${res.status}`, message: text }, latencyMs };
    } catch (error) {
      const message = `error trying to reach service: ${(error as Error).message}`;
      return { ok: false, problem: { kind: "http", status: 503, fromService: false, reason: "ServiceUnavailable", message }, latencyMs: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  };
}

function contextOf(dep: EdgexDeployment): EdgexContext {
  const objects = dep.services.map((s) => ({ metadata: { name: s.name, namespace: s.namespace, labels: s.labels }, spec: { ports: [{ port: s.port }] } }));
  return { clusterId: "sim", transport: simTransport(dep), services: matchEdgexServices(objects), timeoutMs: 500 };
}

describe("EdgeX client against both releases", () => {
  let dep: EdgexDeployment | undefined;
  afterEach(() => dep?.stop());

  it("4.0 Odessa: release, core-keeper, scheduler on 59863, devices and readings", async () => {
    dep = createEdgexDeployment({ release: "4.0", seed: 7 });
    const ctx = contextOf(dep);
    const overview = await buildEdgexOverview(ctx);
    expect(overview.release).toEqual({ version: "4.0.2", line: "4.x", codename: "Odessa" });
    const byKey = Object.fromEntries(overview.services.map((s) => [s.key, s]));
    expect(byKey["core-keeper"]).toMatchObject({ up: true, version: "4.0.2", port: 59890 });
    expect(byKey["support-scheduler"]).toMatchObject({ up: true, port: 59863 });
    expect(overview.summary).toMatchObject({ servicesUp: 9, servicesTotal: 9 });
    expect(overview.summary!.devicesTotal).toBeGreaterThan(10);
    expect(overview.summary!.lastReadingAt).not.toBeNull();
  });

  it("3.1 Napa: no core-keeper, scheduler on 59861", async () => {
    dep = createEdgexDeployment({ release: "3.1", seed: 7 });
    const overview = await buildEdgexOverview(contextOf(dep));
    expect(overview.release).toEqual({ version: "3.1.1", line: "3.x", codename: "Napa" });
    expect(overview.services.map((s) => s.key)).not.toContain("core-keeper");
    expect(overview.services.find((s) => s.key === "support-scheduler")?.port).toBe(59861);
  });

  it("names down, slow and malformed services in 4.0 while the rest stays up", async () => {
    dep = createEdgexDeployment({ release: "4.0", seed: 7 });
    dep.setFaults({ down: ["edgex-core-keeper"], slow: { "edgex-core-data": 2000 }, malformed: ["edgex-core-metadata"] });
    const overview = await buildEdgexOverview(contextOf(dep));
    const byKey = Object.fromEntries(overview.services.map((s) => [s.key, s]));
    expect(byKey["core-keeper"]?.failure).toMatchObject({ reason: "down", status: 503 });
    expect(byKey["core-data"]?.failure).toMatchObject({ reason: "slow", timeoutMs: 500 });
    expect(byKey["core-metadata"]?.failure).toMatchObject({ reason: "malformed" });
    expect(overview.services.filter((s) => s.up).map((s) => s.key).sort()).toEqual(["core-command", "device-rest", "device-virtual", "support-notifications", "support-scheduler", "ui"]);
    expect(overview.devicesFailure?.reason).toBe("malformed");
    expect(overview.readingsFailure?.reason).toBe("slow");
    expect((await readAllDevices(contextOf(dep))).failure?.reason).toBe("malformed");
  });
});
