import { describe, expect, it } from "vitest";
import { createEdgexDeployment } from "./index";
import { arr, call, obj } from "./test-support/call-service";

// Runtime faults: a service down refuses connections, a slow one answers late (and
// stop() cancels the wait), a malformed one answers 200 with broken JSON. Faults are per
// service: the rest of the deployment keeps answering.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const deploy = (release: "3.1" | "4.0" = "4.0") => createEdgexDeployment({ release, seed: 8, now: () => T0 });

describe("EdgeX faults", () => {
  it("makes a down service refuse connections like a dead pod, others unaffected", async () => {
    const dep = deploy();
    dep.setFaults({ down: ["edgex-core-data"] });
    const err: unknown = await call(dep, "edgex-core-data", "/api/v3/ping").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^dial tcp 10\.42\.\d+\.\d+:59880: connect: connection refused$/);
    expect((err as { code?: string }).code).toBe("ECONNREFUSED");
    expect((await call(dep, "edgex-core-metadata", "/api/v3/ping")).status).toBe(200);
    const reg = arr(obj((await call(dep, "edgex-core-keeper", "/api/v3/registry/all")).json).registrations).map(obj);
    expect(reg.find((r) => r.serviceId === "core-data")?.status).toBe("DOWN");
    expect(reg.find((r) => r.serviceId === "core-metadata")?.status).toBe("UP");

    dep.setFaults({});
    expect((await call(dep, "edgex-core-data", "/api/v3/ping")).status).toBe(200);
  });

  it("delays a slow service's answer by the configured time", async () => {
    const dep = deploy();
    dep.setFaults({ slow: { "edgex-core-command": 150 } });
    const started = performance.now();
    const slow = await call(dep, "edgex-core-command", "/api/v3/ping");
    const elapsed = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    const fastStart = performance.now();
    await call(dep, "edgex-core-data", "/api/v3/ping");
    expect(performance.now() - fastStart).toBeLessThan(100);
    dep.stop();
  });

  it("cancels delayed answers on stop() and refuses everything afterwards", async () => {
    const dep = deploy();
    dep.setFaults({ slow: { "edgex-core-data": 60_000 } });
    const pending = call(dep, "edgex-core-data", "/api/v3/event/count").then(
      () => "answered",
      (e: unknown) => (e as { code?: string }).code,
    );
    const started = performance.now();
    dep.stop();
    expect(await pending).toBe("ECONNRESET");
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(call(dep, "edgex-core-metadata", "/api/v3/ping")).rejects.toThrow(/connection refused/);
  });

  it("answers 200 with unparseable JSON for a malformed service", async () => {
    const dep = deploy("3.1");
    dep.setFaults({ malformed: ["edgex-core-metadata"] });
    for (const path of ["/api/v3/ping", "/api/v3/device/all", "/api/v3/device/name/Nope"]) {
      const res = await call(dep, "edgex-core-metadata", path);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json");
      expect(res.text.length).toBeGreaterThan(0);
      expect(() => JSON.parse(res.text) as unknown).toThrow();
    }
    expect(obj((await call(dep, "edgex-core-data", "/api/v3/ping")).json).serviceName).toBe("core-data");
  });

  it("combines slow and malformed on the same service", async () => {
    const dep = deploy();
    dep.setFaults({ slow: { "edgex-ui": 50 }, malformed: ["edgex-ui"] });
    const started = performance.now();
    const res = await call(dep, "edgex-ui", "/api/v3/version");
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(res.json).toBeUndefined();
    dep.stop();
  });

  it("rejects fault specs naming unknown services or bad values", () => {
    const dep = deploy("3.1");
    expect(() => dep.setFaults({ down: ["edgex-core-keeper"] })).toThrow(/unknown EdgeX service\(s\) edgex-core-keeper/);
    expect(() => dep.setFaults({ slow: { "edgex-core-data": -5 } })).toThrow(/invalid EdgeX faults/);
    expect(() => dep.setFaults({ malformed: "edgex-core-data" } as never)).toThrow(/invalid EdgeX faults/);
    // A rejected spec leaves the previous faults in place.
    dep.setFaults({ down: ["edgex-ui"] });
    expect(() => dep.setFaults({ down: ["nope"] })).toThrow();
    return expect(call(dep, "edgex-ui", "/")).rejects.toThrow(/connection refused/);
  });

  it("never throws on hostile input: odd methods, paths, bodies and queries", async () => {
    const dep = deploy();
    const inputs: Array<[string, string, string]> = [
      ["GET", "", ""],
      ["GET", "//api//v3", ""],
      ["PATCH", "/api/v3/ping", "x"],
      ["PUT", "/api/v3/device/name/%00/%ff", "\u0000\u0001"],
      ["PUT", "/api/v3/device/name/Thermostat-Floor1/Settings", "{\"SetPoint\":{\"a\":1}}"],
      ["PUT", "/api/v3/device/name/Thermostat-Floor1/Settings", "null"],
      ["GET", "/api/v3/event/all?offset=99999999999999999999&limit=-7", ""],
      ["GET", "/api/v3/reading/start/-1/end/abc", ""],
      ["GET", `/api/v3/device/name/${"A".repeat(5000)}`, ""],
    ];
    for (const svc of dep.services) {
      for (const [method, path, body] of inputs) {
        const res = await call(dep, svc.name, path, { method, body });
        expect(res.status, `${svc.name} ${method} ${path}`).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(600);
        expect(res.status).not.toBe(500);
      }
    }
    expect((await call(dep, "edgex-core-data", "/api/v3/ping")).status).toBe(200);
  });
});
