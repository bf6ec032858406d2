import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEdgexFleetSummary } from "@/lib/server/edgex/get-edgex-fleet-summary";
import type { TEdgexOverview } from "@/lib/shared/edgex/edgex-api.schema";
import type { TKubeEdgeOverview } from "@/lib/shared/kubeedge/kubeedge.schema";
import { startEdgeFixture, type EdgeFixture } from "./edgex-fixture";

describe("KubeEdge views against the simulator's kubeedge scenario", () => {
  let fx: EdgeFixture;
  beforeAll(async () => {
    fx = await startEdgeFixture("kev", ["k3s", "kubeedge"]);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("lists the edge nodes with their KubeEdge version, not the k3s nodes", async () => {
    const { status, body } = await fx.get<TKubeEdgeOverview>("/api/v1/clusters/kev/kubeedge");
    expect(status).toBe(200);
    expect(body.nodesError).toBeNull();
    expect(body.nodes.map((n) => n.name).sort()).toEqual(["kev-edge-1", "kev-edge-2"]);
    expect(body.nodes[0]).toMatchObject({ status: "Ready", kubeletVersion: "v1.29.5-kubeedge-v1.18.0", kubeedgeVersion: "v1.18.0" });
  });

  it("lists devices with twins, desired vs reported, and the drifting ones", async () => {
    const { body } = await fx.get<TKubeEdgeOverview>("/api/v1/clusters/kev/kubeedge");
    expect(body.devicesError).toBeNull();
    expect(body.apiVersion).toBe("v1beta1");
    expect(body.models.map((m) => m.name)).toEqual(["relay", "thermometer"]);
    const byName = Object.fromEntries(body.devices.map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(["relay-1", "relay-2", "thermometer-1", "thermometer-2"]);
    expect(byName["thermometer-1"]).toMatchObject({ node: "kev-edge-1", model: "thermometer", driftCount: 0 });
    expect(byName["thermometer-2"]?.twins.find((t) => t.property === "setpoint")).toMatchObject({ desired: "21.5", reported: "19.0", state: "drift" });
    expect(byName["thermometer-2"]?.twins.find((t) => t.property === "temperature")?.state).toBe("reported_only");
    expect(byName["relay-2"]).toMatchObject({ driftCount: 1 });
    expect(byName["relay-1"]?.twins).toEqual([expect.objectContaining({ property: "state", desired: "ON", reported: "ON", state: "in_sync" })]);
  });

  it("reads as the signed-in user (impersonated) and answers 404 for an unknown cluster", async () => {
    await fx.get("/api/v1/clusters/kev/kubeedge", "viewer");
    const seen = fx.cluster.audit().filter((a) => a.resource === "devices" && a.impersonatedUser === "outpost:vic");
    expect(seen.length).toBeGreaterThan(0);
    expect((await fx.get("/api/v1/clusters/nope/kubeedge")).status).toBe(404);
  });

  it("reports a cluster without EdgeX as not detected, not as an error", async () => {
    const { status, body } = await fx.get<TEdgexOverview>("/api/v1/clusters/kev/edgex");
    expect(status).toBe(200);
    expect(body).toMatchObject({ detected: false, services: [], summary: null, error: null, release: null });
    expect(await getEdgexFleetSummary("kev")).toBeNull();
  });
});
