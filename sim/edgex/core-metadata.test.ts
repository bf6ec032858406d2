import { describe, expect, it } from "vitest";
import { createEdgexDeployment } from "./index";
import { arr, call, obj, specProblems } from "./test-support/call-service";

// core-metadata: devices, profiles and device services — envelopes per spec, paging,
// label filters, lookups by name, and the 4.0-only endpoints.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const SVC = "edgex-core-metadata";

describe.each(["3.1", "4.0"] as const)("core-metadata %s", (release) => {
  const dep = createEdgexDeployment({ release, seed: 11, now: () => T0 });
  const check = (template: string, res: Awaited<ReturnType<typeof call>>) =>
    expect(specProblems(release, "core-metadata", template, "GET", res)).toEqual([]);

  it("lists devices per spec, with virtual devices, field devices and their states", async () => {
    const res = await call(dep, SVC, "/api/v3/device/all?limit=-1");
    expect(res.status).toBe(200);
    check("/device/all", res);
    const body = obj(res.json);
    const devices = arr(body.devices).map(obj);
    expect(body.totalCount).toBe(devices.length);
    const names = devices.map((d) => d.name);
    for (const n of ["Random-Boolean-Device", "Random-Integer-Device", "Random-UnsignedInteger-Device", "Random-Float-Device", "Random-Binary-Device", "Thermostat-Floor1", "Power-Meter-Main", "Pallet-Scale-01"]) {
      expect(names).toContain(n);
    }
    const byName = new Map(devices.map((d) => [d.name, d]));
    expect(byName.get("Power-Meter-Aux")).toMatchObject({ operatingState: "DOWN", adminState: "UNLOCKED" });
    expect(byName.get("Pallet-Scale-02")).toMatchObject({ adminState: "LOCKED" });
    expect(byName.get("Random-Integer-Device")).toMatchObject({
      serviceName: "device-virtual",
      autoEvents: [
        { interval: "15s", onChange: false, sourceName: "Int8" },
        { interval: "15s", onChange: false, sourceName: "Int16" },
        { interval: "15s", onChange: false, sourceName: "Int32" },
        { interval: "15s", onChange: false, sourceName: "Int64" },
      ],
    });
  });

  it("pages with offset/limit (default 20, -1 = MaxResultCount) and rejects bad values", async () => {
    const all = arr(obj((await call(dep, SVC, "/api/v3/device/all?limit=-1")).json).devices).map((d) => obj(d).name);
    const first = obj((await call(dep, SVC, "/api/v3/device/all?offset=0&limit=5")).json);
    const second = obj((await call(dep, SVC, "/api/v3/device/all?offset=5&limit=5")).json);
    expect([...arr(first.devices), ...arr(second.devices)].map((d) => obj(d).name)).toEqual(all.slice(0, 10));
    expect(first.totalCount).toBe(all.length);
    expect(arr(obj((await call(dep, SVC, "/api/v3/device/all")).json).devices)).toHaveLength(Math.min(20, all.length));

    const tooFar = await call(dep, SVC, `/api/v3/device/all?offset=${all.length + 1}`);
    expect(tooFar.status).toBe(416);
    expect(obj(tooFar.json).message).toBe(`query objects bounds out of range. length:${all.length} offset:${all.length + 1}`);
    // 3.x (Redis) also refuses offset == length; 4.0 (CheckCountRange) returns an empty page.
    const atEnd = await call(dep, SVC, `/api/v3/device/all?offset=${all.length}`);
    expect(atEnd.status).toBe(release === "3.1" ? 416 : 200);

    const tooMany = await call(dep, SVC, "/api/v3/device/all?limit=5000");
    expect(tooMany.status).toBe(400);
    expect(obj(tooMany.json).message).toBe("querystring limit's value 5000 is out of min -1 ~ max 1024 range.");
    const notInt = await call(dep, SVC, "/api/v3/device/all?offset=x");
    expect(notInt.status).toBe(400);
    check("/device/all", notInt);
  });

  it("filters by labels, requiring every label", async () => {
    const hvac = arr(obj((await call(dep, SVC, "/api/v3/device/all?labels=hvac")).json).devices).map(obj);
    expect(hvac.length).toBeGreaterThanOrEqual(2);
    expect(hvac.every((d) => arr(d.labels).includes("hvac"))).toBe(true);
    const floor1 = arr(obj((await call(dep, SVC, "/api/v3/device/all?labels=hvac,floor-1")).json).devices).map(obj);
    expect(floor1.map((d) => d.name)).toEqual(["Thermostat-Floor1"]);
    const none = obj((await call(dep, SVC, "/api/v3/device/all?labels=hvac,energy")).json);
    expect(none.totalCount).toBe(0);
  });

  it("gets a device by name and 404s an unknown one", async () => {
    const res = await call(dep, SVC, "/api/v3/device/name/Thermostat-Floor1");
    check("/device/name/{name}", res);
    expect(obj(obj(res.json).device)).toMatchObject({ profileName: "Thermostat-TH100", serviceName: "device-modbus" });
    const missing = await call(dep, SVC, "/api/v3/device/name/Nope");
    expect(missing.status).toBe(404);
    check("/device/name/{name}", missing);
    expect(obj(missing.json).message).toBe("fail to query device by name Nope");
  });

  it("lists devices by profile and by device service", async () => {
    const byProfile = await call(dep, SVC, "/api/v3/device/profile/name/Thermostat-TH100");
    check("/device/profile/name/{name}", byProfile);
    expect(arr(obj(byProfile.json).devices).every((d) => obj(d).profileName === "Thermostat-TH100")).toBe(true);
    const byService = await call(dep, SVC, "/api/v3/device/service/name/device-virtual?limit=-1");
    check("/device/service/name/{name}", byService);
    expect(arr(obj(byService.json).devices).map((d) => obj(d).name)).toEqual([
      "Random-Boolean-Device",
      "Random-Integer-Device",
      "Random-UnsignedInteger-Device",
      "Random-Float-Device",
      "Random-Binary-Device",
    ]);
    expect((await call(dep, SVC, "/api/v3/device/service/name/device-nope")).status).toBe(404);
  });

  it("serves device profiles with typed resources, units and commands", async () => {
    const all = await call(dep, SVC, "/api/v3/deviceprofile/all?limit=-1");
    check("/deviceprofile/all", all);
    const one = await call(dep, SVC, "/api/v3/deviceprofile/name/Thermostat-TH100");
    check("/deviceprofile/name/{name}", one);
    const profile = obj(obj(one.json).profile);
    const resources = arr(profile.deviceResources).map(obj);
    const temp = resources.find((r) => r.name === "Temperature");
    expect(temp?.properties).toMatchObject({ valueType: "Float32", readWrite: "R", units: "degC" });
    const setPoint = resources.find((r) => r.name === "SetPoint");
    expect(setPoint?.properties).toMatchObject({ valueType: "Float32", readWrite: "RW", minimum: 5, maximum: 35 });
    expect(arr(profile.deviceCommands).map((c) => obj(c).name)).toEqual(["Climate", "Settings"]);
    const virtual = obj(obj((await call(dep, SVC, "/api/v3/deviceprofile/name/Random-Boolean-Device")).json).profile);
    expect(arr(virtual.deviceResources).map((r) => obj(r).name)).toEqual(["EnableRandomization_Bool", "Bool"]);
    const res = await call(dep, SVC, "/api/v3/deviceresource/profile/Thermostat-TH100/resource/Humidity");
    check("/deviceresource/profile/{profileName}/resource/{resourceName}", res);
    const byManufacturer = obj((await call(dep, SVC, "/api/v3/deviceprofile/manufacturer/IOTech?limit=-1")).json);
    expect(byManufacturer.totalCount).toBe(5);
    expect((await call(dep, SVC, "/api/v3/deviceprofile/name/Nope")).status).toBe(404);
  });

  it("serves device services", async () => {
    const all = await call(dep, SVC, "/api/v3/deviceservice/all");
    check("/deviceservice/all", all);
    const names = arr(obj(all.json).services).map((s) => obj(s).name);
    expect(names).toEqual(["device-virtual", "device-rest", "device-modbus"]);
    const one = await call(dep, SVC, "/api/v3/deviceservice/name/device-rest");
    check("/deviceservice/name/{name}", one);
    expect(obj(obj(one.json).service).baseAddress).toBe("http://edgex-device-rest:59986");
  });

  it("answers the 4.0-only endpoints only in 4.0", async () => {
    const id = obj(obj((await call(dep, SVC, "/api/v3/device/name/Random-Float-Device")).json).device).id;
    const byId = await call(dep, SVC, `/api/v3/device/id/${String(id)}`);
    const basic = await call(dep, SVC, "/api/v3/deviceprofile/basicinfo/all");
    const watchers = obj((await call(dep, SVC, "/api/v3/provisionwatcher/all")).json);
    if (release === "4.0") {
      check("/device/id/{id}", byId);
      check("/deviceprofile/basicinfo/all", basic);
      expect(watchers).toHaveProperty("provisionWatchers");
    } else {
      expect(byId.status).toBe(404);
      expect(basic.status).toBe(404);
      expect(watchers).toHaveProperty("provisionwatchers");
    }
  });
});

describe("core-metadata determinism", () => {
  it("gives the same catalogue for the same seed and varies field devices with the seed", async () => {
    const list = async (seed: number) =>
      (await call(createEdgexDeployment({ release: "3.1", seed, now: () => T0 }), SVC, "/api/v3/device/all?limit=-1")).text;
    expect(await list(5)).toBe(await list(5));
    const counts = new Set<number>();
    for (let seed = 0; seed < 12; seed++) {
      const dep = createEdgexDeployment({ release: "3.1", seed, now: () => T0 });
      counts.add(Number(obj((await call(dep, SVC, "/api/v3/device/all")).json).totalCount));
    }
    expect(counts.size).toBeGreaterThan(1);
  });
});
