import { describe, expect, it } from "vitest";
import { ZKubeEdgeDeviceSchema } from "./kubeedge.schema";
import { toDeviceView, toModelView } from "./device-view";
import { twinState } from "./twin-drift";

describe("twinState", () => {
  it("compares desired and reported values", () => {
    expect(twinState("21.5", "21.5")).toBe("in_sync");
    expect(twinState("21.5", "19.0", "float")).toBe("drift");
    expect(twinState("21.5", "21.50", "FLOAT")).toBe("in_sync");
    expect(twinState("21.5", "2.15e+01")).toBe("in_sync");
    expect(twinState("ON", "OFF", "string")).toBe("drift");
    expect(twinState("10", "10.0", "string")).toBe("drift"); // strings compare as text
    expect(twinState("true", "TRUE", "boolean")).toBe("in_sync");
    expect(twinState("ON", "", "string")).toBe("pending");
    expect(twinState("ON", null)).toBe("pending");
    expect(twinState("", "20.1")).toBe("reported_only");
    expect(twinState(undefined, undefined)).toBe("reported_only");
  });
});

describe("toDeviceView", () => {
  const models = new Map([["default/thermometer", toModelView({ metadata: { name: "thermometer", namespace: "default" }, spec: { protocol: "modbus", properties: [{ name: "temperature", type: "FLOAT" }, { name: "setpoint", type: "FLOAT", accessMode: "ReadWrite" }] } })]]);

  it("reads v1beta1: desired in the spec, reported in the status", () => {
    const device = ZKubeEdgeDeviceSchema.parse({
      apiVersion: "devices.kubeedge.io/v1beta1",
      metadata: { name: "thermometer-2", namespace: "default" },
      spec: {
        deviceModelRef: { name: "thermometer" },
        nodeName: "edge-2",
        protocol: { protocolName: "modbus" },
        properties: [{ name: "temperature", desired: { value: "" } }, { name: "setpoint", desired: { value: "21.5", metadata: { type: "float" } } }],
      },
      status: {
        state: "offline",
        twins: [
          { propertyName: "temperature", reported: { value: "21.7", metadata: { timestamp: "1767225600000", type: "float" } } },
          { propertyName: "setpoint", reported: { value: "19.0" }, observedDesired: { value: "21.5" } },
        ],
      },
    });
    const view = toDeviceView(device, models);
    expect(view).toMatchObject({ name: "thermometer-2", model: "thermometer", node: "edge-2", protocol: "modbus", state: "offline", driftCount: 1 });
    expect(view.twins).toEqual([
      { property: "temperature", type: "FLOAT", desired: "", reported: "21.7", reportedAt: "2026-01-01T00:00:00.000Z", state: "reported_only" },
      { property: "setpoint", type: "FLOAT", desired: "21.5", reported: "19.0", reportedAt: null, state: "drift" },
    ]);
  });

  it("reads v1alpha2: desired and reported both in the status twins, node from the selector", () => {
    const device = ZKubeEdgeDeviceSchema.parse({
      apiVersion: "devices.kubeedge.io/v1alpha2",
      metadata: { name: "led", namespace: "iot" },
      spec: {
        deviceModelRef: { name: "led-model" },
        nodeSelector: { nodeSelectorTerms: [{ matchExpressions: [{ key: "", operator: "In", values: ["edge-7"] }] }] },
        protocol: { customizedProtocol: { protocolName: "virtual" } },
      },
      status: { twins: [{ propertyName: "power", desired: { value: "ON", metadata: { type: "string" } }, reported: { value: "ON" } }, { propertyName: "level", desired: { value: "3", metadata: { type: "int" } } }] },
    });
    const view = toDeviceView(device, new Map());
    expect(view).toMatchObject({ node: "edge-7", protocol: "customizedProtocol", driftCount: 0 });
    expect(view.twins.map((t) => [t.property, t.type, t.state])).toEqual([["power", "string", "in_sync"], ["level", "int", "pending"]]);
  });
});
