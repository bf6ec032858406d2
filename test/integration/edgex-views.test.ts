import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEdgexDevicePage, TEdgexOverview } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexDeviceDetail, TEdgexDeviceServicePage, TEdgexEventList, TEdgexProfilePage, TEdgexReadingList, TEdgexServiceConfig } from "@/lib/shared/edgex/edgex-detail.schema";
import { getEdgexFleetSummary } from "@/lib/server/edgex/get-edgex-fleet-summary";
import type { TKubeEdgeOverview } from "@/lib/shared/kubeedge/kubeedge.schema";
import { MASKED } from "@/lib/shared/edgex/mask-secrets";
import { startEdgeFixture, type EdgeFixture } from "./edgex-fixture";

describe("EdgeX views against a simulated EdgeX 3.1 behind the service proxy", () => {
  let fx: EdgeFixture;
  beforeAll(async () => {
    fx = await startEdgeFixture("exv", ["k3s", "edgex"]);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("finds every EdgeX service up with its version, the release and the summary", async () => {
    const { status, body } = await fx.get<TEdgexOverview>("/api/v1/clusters/exv/edgex");
    expect(status).toBe(200);
    expect(body.error).toBeNull();
    expect(body.detected).toBe(true);
    expect(body.release).toEqual({ version: "3.1.1", line: "3.x", codename: "Napa" });
    const byKey = Object.fromEntries(body.services.map((s) => [s.key, s]));
    expect(Object.keys(byKey).sort()).toEqual(["core-command", "core-data", "core-metadata", "device-rest", "device-virtual", "support-notifications", "support-scheduler", "ui"]);
    for (const s of body.services) {
      expect(s.up, s.name).toBe(true);
      expect(s.failure, s.name).toBeNull();
      expect(s.latencyMs, s.name).toBeGreaterThanOrEqual(0);
      if (s.probe === "v3") expect(s.version, s.name).toBe("3.1.1");
    }
    expect(byKey["support-scheduler"]?.port).toBe(59861);
    expect(body.summary).toMatchObject({ servicesUp: 8, servicesTotal: 8 });
    expect(body.summary!.devicesTotal).toBeGreaterThanOrEqual(11);
    // Power-Meter-Aux is DOWN in the simulator's catalogue.
    expect(body.summary!.devicesUp).toBeLessThan(body.summary!.devicesTotal);
    expect(body.summary!.lastReadingAgeSeconds).toBeLessThan(60);
  });

  it("feeds the fleet collector's EdgeX summary source (services down named, devices for search)", async () => {
    const summary = await getEdgexFleetSummary("exv");
    expect(summary).toMatchObject({ servicesUp: 8, servicesTotal: 8, servicesDown: [] });
    expect(summary!.devicesTotal).toBe(summary!.devices!.length);
    expect(summary!.devices).toContainEqual({ name: "Thermostat-Floor1", labels: expect.arrayContaining(["hvac"]), status: "UP" });
    expect(Date.now() - Date.parse(summary!.lastReadingAt!)).toBeLessThan(60_000);
  });

  it("pages devices with their last reading time", async () => {
    const first = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exv/edgex/devices?limit=5");
    expect(first.status).toBe(200);
    expect(first.body.failure).toBeNull();
    expect(first.body.items).toHaveLength(5);
    expect(first.body.totalCount).toBeGreaterThan(5);
    expect(first.body.items[0]).toMatchObject({ name: "Random-Boolean-Device", profileName: "Random-Boolean-Device", serviceName: "device-virtual", adminState: "UNLOCKED", operatingState: "UP" });
    expect(Date.now() - Date.parse(first.body.items[0]!.lastReadingAt!)).toBeLessThan(60_000);
    const second = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exv/edgex/devices?offset=5&limit=5");
    expect(second.body.items.map((d) => d.name)).not.toContain("Random-Boolean-Device");
    const byLabel = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exv/edgex/devices?labels=hvac");
    expect(byLabel.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byLabel.body.items.every((d) => d.name.startsWith("Thermostat-Floor"))).toBe(true);
    const past = await fx.get<TEdgexDevicePage>("/api/v1/clusters/exv/edgex/devices?offset=5000&limit=5");
    expect(past.body).toMatchObject({ items: [], failure: null });
  });

  it("shows a device with its profile resources and commands", async () => {
    const { body } = await fx.get<TEdgexDeviceDetail>("/api/v1/clusters/exv/edgex/devices/Thermostat-Floor1");
    expect(body.failures).toEqual({ device: null, profile: null, commands: null });
    expect(body.device?.labels).toContain("hvac");
    expect(body.profile?.deviceResources.map((r) => r.name)).toEqual(expect.arrayContaining(["Temperature", "Humidity", "SetPoint", "FanMode", "Power"]));
    expect(body.commands?.find((c) => c.name === "Settings")).toMatchObject({ get: true, set: true });
    const missing = await fx.get<TEdgexDeviceDetail>("/api/v1/clusters/exv/edgex/devices/No-Such-Device");
    expect(missing.status).toBe(200);
    expect(missing.body.failures.device?.reason).toBe("not_found");
  });

  it("lists profiles and device services", async () => {
    const profiles = await fx.get<TEdgexProfilePage>("/api/v1/clusters/exv/edgex/profiles?limit=50");
    expect(profiles.body.failure).toBeNull();
    expect(profiles.body.items.map((p) => p.name)).toContain("Random-Boolean-Device");
    const services = await fx.get<TEdgexDeviceServicePage>("/api/v1/clusters/exv/edgex/device-services");
    expect(services.body.items.map((s) => s.name).sort()).toEqual(["device-modbus", "device-rest", "device-virtual"]);
  });

  it("reads the newest readings and events of a device, and they advance", async () => {
    const first = await fx.get<TEdgexReadingList>("/api/v1/clusters/exv/edgex/readings?device=Random-Boolean-Device&limit=3");
    expect(first.body.failure).toBeNull();
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items.every((r) => r.deviceName === "Random-Boolean-Device" && r.resourceName === "Bool")).toBe(true);
    const thermo = await fx.get<TEdgexReadingList>("/api/v1/clusters/exv/edgex/readings?device=Thermostat-Floor1&limit=10");
    const temp = thermo.body.items.find((r) => r.resourceName === "Temperature");
    expect(temp?.numeric).toBeTypeOf("number");
    expect(temp?.units).toBe("degC");
    const events = await fx.get<TEdgexEventList>("/api/v1/clusters/exv/edgex/events?device=Thermostat-Floor1&limit=2");
    expect(events.body.items).toHaveLength(2);
    expect(events.body.items[0]?.readings.length).toBeGreaterThan(0);
  });

  it("masks secrets in a service's configuration", async () => {
    const { body } = await fx.get<TEdgexServiceConfig>("/api/v1/clusters/exv/edgex/services/edgex/edgex-core-data/config");
    expect(body.failure).toBeNull();
    const config = body.config as { Database: { Password: string; Host: string }; SecretStore: { Authentication: { AuthToken: string } }; Writable: { InsecureSecrets: { DB: { SecretData: { password: string } } } } };
    expect(config.Database.Password).toBe(MASKED);
    expect(config.Database.Host).toBe("edgex-redis");
    expect(config.SecretStore.Authentication.AuthToken).toBe(MASKED);
    expect(config.Writable.InsecureSecrets.DB.SecretData.password).toBe(MASKED);
    expect(JSON.stringify(body)).not.toMatch(/hvs\.|db-[0-9a-f]{8}/);
    const unknown = await fx.get<unknown>("/api/v1/clusters/exv/edgex/services/edgex/edgex-nope/config");
    expect(unknown.status).toBe(404);
  });

  it("reports a cluster without KubeEdge as no edge nodes and no device API, not as an error", async () => {
    const { status, body } = await fx.get<TKubeEdgeOverview>("/api/v1/clusters/exv/kubeedge");
    expect(status).toBe(200);
    expect(body).toMatchObject({ nodes: [], nodesError: null, apiVersion: null, devices: [], devicesError: null });
  });

  it("answers 404 for an unknown cluster and 422 for bad queries", async () => {
    expect((await fx.get<unknown>("/api/v1/clusters/nope/edgex")).status).toBe(404);
    expect((await fx.get<unknown>("/api/v1/clusters/exv/edgex/devices?limit=0")).status).toBe(422);
    expect((await fx.get<unknown>("/api/v1/clusters/exv/edgex/devices/bad%20name")).status).toBe(422);
  });
});
