import { describe, expect, it } from "vitest";
import { EVENTS_PER_DEVICE } from "./edgex-world";
import { createEdgexDeployment } from "./index";
import { arr, call, obj, specProblems } from "./test-support/call-service";

// core-data: events and readings generated lazily from the clock — envelopes per spec,
// newest-first paging, time moving forward, retention, filters and release differences.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const SVC = "edgex-core-data";
const MINUTE = 60_000;

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe.each(["3.1", "4.0"] as const)("core-data %s", (release) => {
  const check = (template: string, res: Awaited<ReturnType<typeof call>>) =>
    expect(specProblems(release, "core-data", template, "GET", res)).toEqual([]);

  it("serves events and readings per spec, newest first", async () => {
    const dep = createEdgexDeployment({ release, seed: 3, now: () => T0 });
    const events = await call(dep, SVC, "/api/v3/event/all?limit=50");
    check("/event/all", events);
    const list = arr(obj(events.json).events).map(obj);
    expect(list).toHaveLength(50);
    const origins = list.map((e) => Number(e.origin));
    expect([...origins].sort((a, b) => b - a)).toEqual(origins);
    expect(origins[0]).toBeLessThanOrEqual(T0 * 1e6);
    expect(origins[0]).toBeGreaterThan((T0 - MINUTE) * 1e6);
    const readings = await call(dep, SVC, "/api/v3/reading/all?limit=50");
    check("/reading/all", readings);
    for (const r of arr(obj(readings.json).readings).map(obj)) {
      expect(typeof r.value).toBe("string");
      expect(r).toHaveProperty("valueType");
    }
    check("/event/count", await call(dep, SVC, "/api/v3/event/count"));
    check("/reading/count", await call(dep, SVC, "/api/v3/reading/count"));
  });

  it("pages consistently and reports totalCount; 416 past the end", async () => {
    const dep = createEdgexDeployment({ release, seed: 3, now: () => T0 });
    const whole = arr(obj((await call(dep, SVC, "/api/v3/event/all?limit=60")).json).events).map((e) => obj(e).id);
    const a = obj((await call(dep, SVC, "/api/v3/event/all?offset=0&limit=25")).json);
    const b = obj((await call(dep, SVC, "/api/v3/event/all?offset=25&limit=35")).json);
    expect([...arr(a.events), ...arr(b.events)].map((e) => obj(e).id)).toEqual(whole);
    const count = obj((await call(dep, SVC, "/api/v3/event/count")).json).count;
    expect(a.totalCount).toBe(count);
    expect(arr(obj((await call(dep, SVC, "/api/v3/event/all")).json).events)).toHaveLength(20);

    const readingsWhole = arr(obj((await call(dep, SVC, "/api/v3/reading/all?limit=40")).json).readings).map((r) => obj(r).id);
    const r1 = arr(obj((await call(dep, SVC, "/api/v3/reading/all?limit=17")).json).readings);
    const r2 = arr(obj((await call(dep, SVC, "/api/v3/reading/all?offset=17&limit=23")).json).readings);
    expect([...r1, ...r2].map((r) => obj(r).id)).toEqual(readingsWhole);

    const past = await call(dep, SVC, `/api/v3/event/all?offset=${Number(count) + 5}`);
    expect(past.status).toBe(416);
    check("/event/all", past);
    const big = await call(dep, SVC, "/api/v3/reading/all?limit=1025");
    expect(big.status).toBe(400);
  });

  it("keeps readings arriving as time passes, bounded by retention", async () => {
    const c = clock();
    const dep = createEdgexDeployment({ release, seed: 3, now: c.now });
    const count = async (path: string) => Number(obj((await call(dep, SVC, path)).json).count);
    const newest = async () => Number(obj(arr(obj((await call(dep, SVC, "/api/v3/event/all?limit=1")).json).events)[0]).origin);
    const before = await count("/api/v3/event/count");
    const boolBefore = await count("/api/v3/event/count/device/name/Random-Boolean-Device");
    const newestBefore = await newest();
    c.advance(MINUTE);
    expect(await count("/api/v3/event/count/device/name/Random-Boolean-Device")).toBe(boolBefore + 6); // every 10 s
    expect(await count("/api/v3/event/count")).toBeGreaterThan(before);
    expect(await newest()).toBeGreaterThan(newestBefore);
    expect(await newest()).toBeLessThanOrEqual(c.now() * 1e6);

    c.advance(48 * 60 * MINUTE);
    const perDevice = await count("/api/v3/event/count/device/name/Random-Boolean-Device");
    expect(perDevice).toBe(EVENTS_PER_DEVICE);
    const ints = await count("/api/v3/event/count/device/name/Random-Integer-Device");
    expect(ints).toBeLessThanOrEqual(EVENTS_PER_DEVICE);
    const page = await call(dep, SVC, "/api/v3/event/device/name/Random-Integer-Device?offset=990&limit=20");
    expect(arr(obj(page.json).events)).toHaveLength(ints - 990);
  });

  it("filters by device, resource and time window", async () => {
    const dep = createEdgexDeployment({ release, seed: 3, now: () => T0 });
    const byDevice = await call(dep, SVC, "/api/v3/event/device/name/Thermostat-Floor1?limit=10");
    check("/event/device/name/{name}", byDevice);
    const events = arr(obj(byDevice.json).events).map(obj);
    expect(events.every((e) => e.deviceName === "Thermostat-Floor1")).toBe(true);
    const climate = events.find((e) => e.sourceName === "Climate");
    expect(arr(climate?.readings).map((r) => obj(r).resourceName)).toEqual(["Temperature", "Humidity"]);

    const temps = await call(dep, SVC, "/api/v3/reading/device/name/Thermostat-Floor1/resourceName/Temperature?limit=30");
    check("/reading/device/name/{deviceName}/resourceName/{resourceName}", temps);
    const values = arr(obj(temps.json).readings).map(obj);
    expect(values.every((r) => r.resourceName === "Temperature" && r.units === "degC")).toBe(true);
    const numbers = values.map((r) => Number(r.value));
    expect(Math.min(...numbers)).toBeGreaterThan(15);
    expect(Math.max(...numbers)).toBeLessThan(28);
    expect(String(values[0]?.value)).toMatch(/^\d\.\d+e\+01$/); // Go's %e float format
    // Ten-second autoEvent: consecutive readings are 10 s apart.
    expect(Number(values[0]?.origin) - Number(values[1]?.origin)).toBe(10_000 * 1e6);

    const count = obj((await call(dep, SVC, "/api/v3/reading/count/device/name/Thermostat-Floor1")).json).count;
    expect(obj((await call(dep, SVC, "/api/v3/reading/device/name/Thermostat-Floor1")).json).totalCount).toBe(count);

    const start = (T0 - 5 * MINUTE) * 1e6;
    const end = (T0 - 4 * MINUTE) * 1e6;
    const window = await call(dep, SVC, `/api/v3/reading/device/name/Random-Boolean-Device/start/${start}/end/${end}`);
    check("/reading/device/name/{deviceName}/start/{start}/end/{end}", window);
    const inWindow = arr(obj(window.json).readings).map((r) => Number(obj(r).origin));
    expect(inWindow.length).toBeGreaterThanOrEqual(6);
    expect(inWindow.every((o) => o >= start && o <= end)).toBe(true);
    const reversed = await call(dep, SVC, `/api/v3/event/start/${end}/end/${start}`);
    expect(reversed.status).toBe(400);

    const someId = String(events[3]?.id);
    const byId = await call(dep, SVC, `/api/v3/event/id/${someId}`);
    check("/event/id/{id}", byId);
    expect(obj(byId.json).event).toEqual(events[3]);
    expect((await call(dep, SVC, "/api/v3/event/id/00000000-0000-4000-8000-000000000000")).status).toBe(404);

    const unknown = obj((await call(dep, SVC, "/api/v3/event/device/name/Not-A-Device")).json);
    expect(unknown).toMatchObject({ statusCode: 200, totalCount: 0, events: [] });
  });

  it("shows a DOWN device's readings stopping before now", async () => {
    const dep = createEdgexDeployment({ release, seed: 3, now: () => T0 });
    const last = arr(obj((await call(dep, SVC, "/api/v3/reading/device/name/Power-Meter-Aux?limit=1")).json).readings)[0];
    expect(Number(obj(last).origin)).toBeLessThanOrEqual((T0 - 25 * MINUTE) * 1e6);
    expect(Number(obj(last).origin)).toBeGreaterThan((T0 - 26 * MINUTE) * 1e6);
    const binary = obj((await call(dep, SVC, "/api/v3/event/count/device/name/Random-Binary-Device")).json);
    expect(binary.count).toBe(0); // device-virtual ships its autoEvent commented out
  });

  it("handles the 4.0 numeric and offset=-1 options (3.1 ignores numeric, rejects -1)", async () => {
    const dep = createEdgexDeployment({ release, seed: 3, now: () => T0 });
    const res = obj((await call(dep, SVC, "/api/v3/reading/device/name/Random-Integer-Device?numeric=true&limit=8")).json);
    const values = arr(res.readings).map((r) => obj(r).value);
    const skip = await call(dep, SVC, "/api/v3/event/all?offset=-1&limit=3");
    if (release === "4.0") {
      expect(values.every((v) => typeof v === "number")).toBe(true);
      // Int64 readings beyond 2^53 are written as exact JSON integers, as Go does.
      const path = "/api/v3/reading/device/name/Random-Integer-Device/resourceName/Int64?limit=1";
      const asString = String(obj(arr(obj((await call(dep, SVC, path)).json).readings)[0]).value);
      expect(BigInt(asString) > 2n ** 53n || BigInt(asString) < -(2n ** 53n)).toBe(true);
      expect((await call(dep, SVC, `${path}&numeric=true`)).text).toContain(`"value":${asString}}`);
      expect(skip.status).toBe(200);
      expect(obj(skip.json).totalCount).toBe(0);
    } else {
      expect(values.every((v) => typeof v === "string")).toBe(true);
      expect(skip.status).toBe(400);
    }
  });
});

describe("core-data determinism", () => {
  it("replays identical history for a seed and differs across seeds", async () => {
    const page = async (seed: number) =>
      (await call(createEdgexDeployment({ release: "4.0", seed, now: () => T0 }), SVC, "/api/v3/event/all?limit=30")).text;
    expect(await page(9)).toBe(await page(9));
    expect(await page(9)).not.toBe(await page(10));
  });
});
