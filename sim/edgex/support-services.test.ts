import { describe, expect, it } from "vitest";
import { createEdgexDeployment } from "./index";
import { arr, call, obj, specProblems } from "./test-support/call-service";

// support-notifications, support-scheduler (3.1 intervals vs 4.0 jobs), core-keeper (4.0)
// and the device services' own APIs.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOTIF = "edgex-support-notifications";
const SCHED = "edgex-support-scheduler";

describe.each(["3.1", "4.0"] as const)("support services %s", (release) => {
  const dep = createEdgexDeployment({ release, seed: 4, now: () => T0 });
  const check = (spec: string, template: string, res: Awaited<ReturnType<typeof call>>) =>
    expect(specProblems(release, spec, template, "GET", res)).toEqual([]);

  it("lists subscriptions and notifications per spec", async () => {
    const subs = await call(dep, NOTIF, "/api/v3/subscription/all");
    check("support-notifications", "/subscription/all", subs);
    expect(arr(obj(subs.json).subscriptions).map((s) => obj(s).name)).toEqual(["device-change-alerts", "critical-to-webhook"]);
    check("support-notifications", "/subscription/name/{name}", await call(dep, NOTIF, "/api/v3/subscription/name/critical-to-webhook"));
    expect((await call(dep, NOTIF, "/api/v3/subscription/name/nope")).status).toBe(404);

    const critical = await call(dep, NOTIF, "/api/v3/notification/category/health-check");
    check("support-notifications", "/notification/category/{category}", critical);
    const [first] = arr(obj(critical.json).notifications).map(obj);
    expect(first).toMatchObject({ severity: "CRITICAL", sender: "device-modbus" });
    expect(String(first?.content)).toContain("Power-Meter-Aux");

    const all = arr(obj((await call(dep, NOTIF, "/api/v3/notification/start/0/end/99999999999999")).json).notifications).map(obj);
    expect(all.map((n) => Number(n.created))).toEqual(all.map((n) => Number(n.created)).sort((a, b) => b - a));
    const id = String(all[0]?.id);
    check("support-notifications", "/notification/id/{id}", await call(dep, NOTIF, `/api/v3/notification/id/${id}`));
    const bySub = obj((await call(dep, NOTIF, "/api/v3/notification/subscription/name/critical-to-webhook")).json);
    expect(bySub.totalCount).toBe(1);

    const plain = await call(dep, NOTIF, "/api/v3/notification?ack=false");
    if (release === "4.0") {
      check("support-notifications", "/notification", plain);
      expect(arr(obj(plain.json).notifications).every((n) => obj(n).acknowledged === false)).toBe(true);
    } else {
      expect(plain.status).toBe(405); // 3.1 has only POST /notification
    }
  });

  it("serves the scheduler API of its own release only", async () => {
    const intervals = await call(dep, SCHED, "/api/v3/interval/all");
    const jobs = await call(dep, SCHED, "/api/v3/job/all");
    if (release === "3.1") {
      check("support-scheduler", "/interval/all", intervals);
      check("support-scheduler", "/intervalaction/all", await call(dep, SCHED, "/api/v3/intervalaction/all"));
      check("support-scheduler", "/interval/name/{name}", await call(dep, SCHED, "/api/v3/interval/name/midnight"));
      expect(jobs.status).toBe(404);
    } else {
      check("support-scheduler", "/job/all", jobs);
      expect(arr(obj(jobs.json).scheduleJobs).map((j) => obj(j).name)).toContain("night-setback-floor1");
      check("support-scheduler", "/job/name/{name}", await call(dep, SCHED, "/api/v3/job/name/ping-metadata"));
      const records = await call(dep, SCHED, "/api/v3/scheduleactionrecord/all?limit=5");
      check("support-scheduler", "/scheduleactionrecord/all", records);
      expect(obj(records.json).totalCount).toBe(12); // every 10 min for the 2 h the stack has run
      expect(intervals.status).toBe(404);
    }
    expect(dep.services.find((s) => s.name === SCHED)?.port).toBe(release === "3.1" ? 59861 : 59863);
  });

  it("serves core-keeper's registry and KV store only in 4.0", async () => {
    const keeper = dep.services.find((s) => s.name === "edgex-core-keeper");
    if (release === "3.1") {
      expect(keeper).toBeUndefined();
      return;
    }
    const reg = await call(dep, "edgex-core-keeper", "/api/v3/registry/all");
    check("core-keeper", "/registry/all", reg);
    const ids = arr(obj(reg.json).registrations).map((r) => obj(r).serviceId);
    expect(ids).toContain("core-data");
    const one = await call(dep, "edgex-core-keeper", "/api/v3/registry/serviceId/core-command");
    check("core-keeper", "/registry/serviceId/{serviceId}", one);
    const kv = await call(dep, "edgex-core-keeper", "/api/v3/kvs/key/edgex/v4/core-data/Service/Port?plaintext=true");
    expect(arr(obj(kv.json).response)).toEqual([expect.objectContaining({ key: "edgex/v4/core-data/Service/Port", value: "59880" })]);
    const encoded = obj(arr(obj((await call(dep, "edgex-core-keeper", "/api/v3/kvs/key/edgex/v4/core-data/Service/Port")).json).response)[0]);
    expect(Buffer.from(String(encoded.value), "base64").toString()).toBe("59880");
    const keys = arr(obj((await call(dep, "edgex-core-keeper", "/api/v3/kvs/key/edgex/v4/core-metadata?keyOnly=true")).json).response);
    expect(keys).toContain("edgex/v4/core-metadata/Database/Password");
    expect((await call(dep, "edgex-core-keeper", "/api/v3/kvs/key/edgex/v4/nothing")).status).toBe(404);
  });

  it("serves the device-sdk command API for the device service's own devices", async () => {
    const own = await call(dep, "edgex-device-virtual", "/api/v3/device/name/Random-Boolean-Device/Bool");
    expect(own.status).toBe(200);
    expect(obj(obj(own.json).event).deviceName).toBe("Random-Boolean-Device");
    const foreign = await call(dep, "edgex-device-virtual", "/api/v3/device/name/Pallet-Scale-01/Weight");
    expect(foreign.status).toBe(404);
  });

  it("accepts readings pushed to device-rest and shows them in core-data", async () => {
    const push = (device: string, resource: string, body: string) =>
      call(dep, "edgex-device-rest", `/api/v3/resource/${device}/${resource}`, { method: "POST", body });
    expect((await push("Pallet-Scale-01", "Weight", "812.5")).status).toBe(200);
    const latest = obj(arr(obj((await call(dep, "edgex-core-data", "/api/v3/reading/device/name/Pallet-Scale-01/resourceName/Weight?limit=1")).json).readings)[0]);
    expect(latest).toMatchObject({ value: "8.125e+02", origin: T0 * 1e6, units: "kg" });
    expect((await push("Pallet-Scale-01", "Weight", "heavy")).status).toBe(400);
    expect((await push("Pallet-Scale-01", "Nope", "1")).status).toBe(404);
    expect((await push("Pallet-Scale-02", "Weight", "1")).status).toBe(423);
    expect((await push("Random-Float-Device", "Float32", "1")).status).toBe(404);
  });
});
