import { describe, expect, it } from "vitest";
import { createEdgexDeployment } from "./index";
import { arr, call, obj, specProblems } from "./test-support/call-service";

// core-command: core command lists, read (GET) and set (PUT) commands, validation and
// state errors, and the effect of a set on later reads and on core-data's readings.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const CMD = "edgex-core-command";
const DATA = "edgex-core-data";

function setup(release: "3.1" | "4.0") {
  let t = T0;
  const dep = createEdgexDeployment({ release, seed: 21, now: () => t });
  return { dep, advance: (ms: number) => (t += ms) };
}

const put = (body: unknown) => ({ method: "PUT", body: typeof body === "string" ? body : JSON.stringify(body) });
const values = (res: Awaited<ReturnType<typeof call>>) =>
  Object.fromEntries(arr(obj(obj(res.json).event).readings).map((r) => [obj(r).resourceName, obj(r).value]));

describe.each(["3.1", "4.0"] as const)("core-command %s", (release) => {
  const check = (template: string, method: string, res: Awaited<ReturnType<typeof call>>) =>
    expect(specProblems(release, "core-command", template, method, res)).toEqual([]);

  it("lists core commands built from each device's profile", async () => {
    const { dep } = setup(release);
    const all = await call(dep, CMD, "/api/v3/device/all?limit=-1");
    check("/device/all", "GET", all);
    const metaTotal = obj((await call(dep, "edgex-core-metadata", "/api/v3/device/all")).json).totalCount;
    expect(obj(all.json).totalCount).toBe(metaTotal);
    const one = await call(dep, CMD, "/api/v3/device/name/Random-Float-Device");
    check("/device/name/{name}", "GET", one);
    const cmds = arr(obj(obj(one.json).deviceCoreCommand).coreCommands).map(obj);
    const byName = new Map(cmds.map((c) => [c.name, c]));
    expect(byName.get("WriteFloat32Value")).toMatchObject({
      set: true,
      path: "/api/v3/device/name/Random-Float-Device/WriteFloat32Value",
      url: "http://edgex-core-command:59882",
      parameters: [
        { resourceName: "Float32", valueType: "Float32" },
        { resourceName: "EnableRandomization_Float32", valueType: "Bool" },
      ],
    });
    expect(byName.get("WriteFloat32Value")).not.toHaveProperty("get");
    expect(byName.get("Float32")).toMatchObject({ get: true, set: true });
    expect(byName.has("EnableRandomization_Float32")).toBe(false); // hidden resource
    const missing = await call(dep, CMD, "/api/v3/device/name/Nope");
    expect(missing.status).toBe(404);
    check("/device/name/{name}", "GET", missing);
  });

  it("reads current values with a GET command", async () => {
    const { dep } = setup(release);
    const res = await call(dep, CMD, "/api/v3/device/name/Thermostat-Floor1/Climate");
    expect(res.status).toBe(200);
    check("/device/name/{name}/{command}", "GET", res);
    const event = obj(obj(res.json).event);
    expect(event).toMatchObject({ deviceName: "Thermostat-Floor1", sourceName: "Climate", origin: T0 * 1e6 });
    const v = values(res);
    expect(Number(v.Temperature)).toBeGreaterThan(15);
    expect(Number(v.Humidity)).toBeGreaterThan(20);
    const noEvent = await call(dep, CMD, "/api/v3/device/name/Thermostat-Floor1/Climate?ds-returnevent=false");
    expect(obj(noEvent.json)).toEqual({ apiVersion: "v3", statusCode: 200 });
    const binary = await call(dep, CMD, "/api/v3/device/name/Random-Binary-Device/Binary");
    check("/device/name/{name}/{command}", "GET", binary);
    const reading = obj(arr(obj(obj(binary.json).event).readings)[0]);
    expect(Buffer.from(String(reading.binaryValue), "base64")).toHaveLength(16);
  });

  it("round-trips a set: later reads and generated readings return the new value", async () => {
    const { dep, advance } = setup(release);
    const ok = await call(dep, CMD, "/api/v3/device/name/Thermostat-Floor1/Settings", put({ SetPoint: "19.5", FanMode: "HIGH" }));
    expect(ok.status).toBe(200);
    check("/device/name/{name}/{command}", "PUT", ok);
    expect(obj(ok.json)).toEqual({ apiVersion: "v3", statusCode: 200 });
    const read = await call(dep, CMD, "/api/v3/device/name/Thermostat-Floor1/Settings");
    expect(values(read)).toEqual({ SetPoint: "1.95e+01", FanMode: "HIGH", Power: "true" });
    advance(2 * 60_000);
    const latest = await call(dep, DATA, "/api/v3/reading/device/name/Thermostat-Floor1/resourceName/SetPoint?limit=5");
    const recent = arr(obj(latest.json).readings).map(obj);
    expect(recent.length).toBe(5);
    const after = recent.filter((r) => Number(r.origin) >= T0 * 1e6);
    const before = recent.filter((r) => Number(r.origin) < T0 * 1e6);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.every((r) => r.value === "1.95e+01")).toBe(true);
    expect(before.every((r) => r.value === "2.1e+01")).toBe(true); // history is not rewritten
  });

  it("pins a device-virtual value until randomization is re-enabled", async () => {
    const { dep, advance } = setup(release);
    const path = "/api/v3/device/name/Random-Integer-Device";
    expect((await call(dep, CMD, `${path}/WriteInt8Value`, put({ Int8: 42 }))).status).toBe(200);
    advance(1000);
    expect(values(await call(dep, CMD, `${path}/Int8`))).toEqual({ Int8: "42" });
    advance(60_000);
    const generated = arr(obj((await call(dep, DATA, `/api/v3/reading/device/name/Random-Integer-Device/resourceName/Int8?limit=3`)).json).readings);
    expect(generated.map((r) => obj(r).value)).toEqual(["42", "42", "42"]);
    expect((await call(dep, CMD, `${path}/WriteInt8Value`, put({ Int8: "1", EnableRandomization_Int8: "true" }))).status).toBe(200);
    const seen = new Set<unknown>();
    for (let i = 0; i < 6; i++) seen.add(values(await call(dep, CMD, `${path}/Int8`)).Int8);
    expect(seen.size).toBeGreaterThan(1);
  });

  it("rejects invalid sets with EdgeX error envelopes", async () => {
    const { dep } = setup(release);
    const cases: Array<[string, { method: string; body: string }, number, string]> = [
      ["Thermostat-Floor1/Climate", put({ Temperature: "20" }), 400, "deviceCommand Climate is marked as read-only"],
      ["Thermostat-Floor1/Temperature", put({ Temperature: "20" }), 400, "deviceResource Temperature is marked as read-only"],
      ["Thermostat-Floor1/SetPoint", put({ SetPoint: "warm" }), 400, "failed to convert set parameter warm to ValueType Float32"],
      ["Thermostat-Floor1/SetPoint", put({ SetPoint: 99 }), 400, "set command parameter out of minimum/maximum range"],
      ["Random-Integer-Device/WriteInt8Value", put({ Int8: "300" }), 400, "failed to convert set parameter 300 to ValueType Int8"],
      ["Random-Boolean-Device/Bool", put({ Bool: "maybe" }), 400, "failed to convert set parameter maybe to ValueType Bool"],
      ["Thermostat-Floor1/Settings", put("{not json"), 400, "failed to parse request body"],
      ["Thermostat-Floor1/Settings", put("[1,2]"), 400, "failed to parse request body"],
      ["Thermostat-Floor1/NoSuchCommand", put({}), 404, "deviceResource NoSuchCommand not found"],
      ["No-Such-Device/Settings", put({}), 404, "fail to query device by name No-Such-Device"],
      ["Pallet-Scale-02/Tare", put({ Tare: "10" }), 423, "device Pallet-Scale-02 locked"],
      ["Power-Meter-Aux/Relay", put({ Relay: "false" }), 423, "device Power-Meter-Aux OperatingState is DOWN"],
    ];
    for (const [target, opts, status, message] of cases) {
      const res = await call(dep, CMD, `/api/v3/device/name/${target}`, opts);
      expect(res.status, target).toBe(status);
      check("/device/name/{name}/{command}", "PUT", res);
      expect(String(obj(res.json).message), target).toContain(message);
    }
    const writeOnly = await call(dep, CMD, "/api/v3/device/name/Random-Integer-Device/WriteInt8Value");
    expect(writeOnly.status).toBe(400);
    expect(obj(writeOnly.json).message).toBe("deviceCommand WriteInt8Value is marked as write-only");
    const locked = await call(dep, CMD, "/api/v3/device/name/Pallet-Scale-02/Weight");
    expect(locked.status).toBe(423);
    check("/device/name/{name}/{command}", "GET", locked);
    // Nothing above changed state.
    expect(values(await call(dep, CMD, "/api/v3/device/name/Thermostat-Floor1/SetPoint"))).toEqual({ SetPoint: "2.1e+01" });
  });

  it("pushes the read event to core-data with ds-pushevent=true", async () => {
    const { dep } = setup(release);
    const countPath = "/api/v3/event/count/device/name/Random-Binary-Device";
    expect(obj((await call(dep, DATA, countPath)).json).count).toBe(0);
    const read = await call(dep, CMD, "/api/v3/device/name/Random-Binary-Device/Binary?ds-pushevent=true");
    const id = obj(obj(read.json).event).id;
    expect(obj((await call(dep, DATA, countPath)).json).count).toBe(1);
    const stored = arr(obj((await call(dep, DATA, "/api/v3/event/device/name/Random-Binary-Device")).json).events);
    expect(obj(stored[0]).id).toBe(id);
  });
});
