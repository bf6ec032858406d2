import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import type { TEdgexReadResult, TEdgexSetResult } from "@/lib/shared/edgex/edgex-detail.schema";
import { callRoute } from "../helpers/routes";
import { startEdgeFixture, type EdgeFixture } from "./edgex-fixture";

const SETTINGS = "/api/v1/clusters/excmd/edgex/devices/Thermostat-Floor1/commands/Settings";

describe("EdgeX commands: reads for everyone, validated and audited sets for operators", () => {
  let fx: EdgeFixture;
  beforeAll(async () => {
    fx = await startEdgeFixture("excmd", ["k3s", "edgex"]);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const put = async (url: string, body: unknown, role: "admin" | "operator" | "viewer" = "operator") => {
    const res = await callRoute("PUT", url, { token: fx.tokens[role], body });
    return { status: res.status, body: (await res.json()) as TEdgexSetResult & { error?: { code: string; fields?: Record<string, string> } } };
  };
  const lastAudit = () => prisma.auditEvent.findFirst({ where: { action: "edgex.command.set" }, orderBy: { at: "desc" } });

  it("runs a read command and shows its values (viewer)", async () => {
    const { status, body } = await fx.get<TEdgexReadResult>("/api/v1/clusters/excmd/edgex/devices/Thermostat-Floor1/commands/Climate");
    expect(status).toBe(200);
    expect(body.failure).toBeNull();
    expect(body.readings.map((r) => r.resourceName).sort()).toEqual(["Humidity", "Temperature"]);
    expect(body.readings.find((r) => r.resourceName === "Temperature")?.numeric).toBeGreaterThan(-40);
  });

  it("sets values as an operator: the next read returns them, the audit names device, command and values", async () => {
    const { status, body } = await put(SETTINGS, { values: { SetPoint: 23.5, FanMode: "HIGH", Power: false } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ ok: true, failure: null, values: { SetPoint: "23.5", FanMode: "HIGH", Power: "false" } });
    const read = await fx.get<TEdgexReadResult>(SETTINGS);
    const values = Object.fromEntries(read.body.readings.map((r) => [r.resourceName, r.value]));
    expect(Number(values.SetPoint)).toBe(23.5);
    expect(values).toMatchObject({ FanMode: "HIGH", Power: "false" });
    expect(await lastAudit()).toMatchObject({
      actorName: "opal",
      outcome: "success",
      targetId: "excmd",
      details: { device: "Thermostat-Floor1", command: "Settings", values: { SetPoint: "23.5", FanMode: "HIGH", Power: "false" } },
    });
    // The cluster saw the write as the operator (impersonated), not as the console.
    const seen = fx.cluster.audit().filter((a) => a.method === "PUT" && a.requestURI.includes("/proxy/api/v3/device/name/Thermostat-Floor1/Settings"));
    expect(seen.at(-1)).toMatchObject({ impersonatedUser: "outpost:opal" });
  });

  it("refuses values that do not fit the profile (422 with fields) without calling EdgeX", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "edgex.command.set" } });
    const range = await put(SETTINGS, { values: { SetPoint: 99 } });
    expect(range.status).toBe(422);
    expect(range.body.error?.fields?.["values.SetPoint"]).toBe("must be between 5 and 35");
    const type = await put(SETTINGS, { values: { Power: "maybe", SetPoint: "warm" } });
    expect(type.body.error?.fields).toEqual({ "values.Power": "must be true or false", "values.SetPoint": "must be a number" });
    const readOnly = await put(SETTINGS, { values: { Temperature: 20 } });
    expect(readOnly.body.error?.fields?.["values.Temperature"]).toBe("is not a writable resource of this command");
    const notSet = await put("/api/v1/clusters/excmd/edgex/devices/Thermostat-Floor1/commands/Climate", { values: { Temperature: 20 } });
    expect(notSet.status).toBe(422);
    expect((await put(SETTINGS, { values: {} })).status).toBe(422);
    expect((await put("/api/v1/clusters/excmd/edgex/devices/No-Such-Device/commands/Settings", { values: { SetPoint: 20 } })).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: "edgex.command.set" } })).toBe(before);
  });

  it("returns EdgeX's refusal as data and audits it as a failure (locked device)", async () => {
    const { status, body } = await put("/api/v1/clusters/excmd/edgex/devices/Pallet-Scale-02/commands/Tare", { values: { Tare: 30 } }, "admin");
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, failure: { reason: "rejected", status: 423 } });
    expect(await lastAudit()).toMatchObject({ actorName: "ada", outcome: "failure", details: { device: "Pallet-Scale-02", command: "Tare", reason: "rejected", status: 423 } });
  });

  it("refuses a viewer (403) and records nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "edgex.command.set" } });
    const res = await put(SETTINGS, { values: { SetPoint: 20 } }, "viewer");
    expect(res.status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "edgex.command.set" } })).toBe(before);
  });
});
