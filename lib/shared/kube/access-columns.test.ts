import { describe, expect, it } from "vitest";
import { apiServiceRow, hpaTargets, ingressRow } from "./access-columns";
import { accessModesString, persistentVolumeClaimRow } from "./storage-columns";

const now = Date.parse("2026-01-01T00:10:00Z");
const meta = { name: "x", creationTimestamp: "2026-01-01T00:00:00Z" };

describe("printers.go columns for storage, ingress, HPA and APIService rows", () => {
  it("APIService: Local, ns/name, and the Available condition with its reason when not True", () => {
    expect(apiServiceRow({ metadata: { ...meta, name: "v1.apps" } }, now)).toEqual({ name: "v1.apps", service: "Local", available: "Unknown", age: "10m" });
    const down = apiServiceRow({ metadata: meta, spec: { service: { namespace: "kube-system", name: "metrics-server" } }, status: { conditions: [{ type: "Available", status: "False", reason: "MissingEndpoints" }] } }, now);
    expect(down).toMatchObject({ service: "kube-system/metrics-server", available: "False (MissingEndpoints)" });
  });

  it("HPA targets: utilization, average values, external/object (avg), <auto>, <none>", () => {
    expect(hpaTargets([], [])).toBe("<none>");
    expect(hpaTargets([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }], [{ resource: { current: { averageUtilization: 12 } } }])).toBe("cpu: 12%/50%");
    expect(hpaTargets([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization" } } }], null)).toBe("cpu: <unknown>/<auto>");
    expect(hpaTargets([{ type: "External", external: { target: { type: "AverageValue", averageValue: "30" } } }, { type: "Object", object: { target: { type: "Value", value: "2" } } }], [{ external: { current: { averageValue: "7" } } }, { object: { current: { value: "1" } } }])).toBe("7/30 (avg), 1/2");
  });

  it("ingress address is the sorted set of IPs (hostnames when no IP); no host means *", () => {
    const row = ingressRow({ metadata: meta, status: { loadBalancer: { ingress: [{ ip: "10.0.0.9" }, { hostname: "lb.example.com" }, { ip: "10.0.0.2" }, { ip: "10.0.0.9" }] } } }, now);
    expect(row).toMatchObject({ className: "<none>", hosts: "*", address: "10.0.0.2,10.0.0.9,lb.example.com", ports: "80" });
  });

  it("access modes in RWO,ROX,RWX,RWOP order; a bound claim shows its capacity; Terminating wins", () => {
    expect(accessModesString(["ReadWriteOncePod", "ReadOnlyMany", "ReadWriteOnce"])).toBe("RWO,ROX,RWOP");
    const bound = persistentVolumeClaimRow({ metadata: { ...meta, deletionTimestamp: "2026-01-01T00:09:00Z" }, spec: { volumeName: "pv-1", storageClassName: "local-path" }, status: { phase: "Bound", capacity: { storage: "2Gi" }, accessModes: ["ReadWriteOnce"] } }, now);
    expect(bound).toMatchObject({ status: "Terminating", volume: "pv-1", capacity: "2Gi", accessModes: "RWO", storageClass: "local-path", volumeMode: "<unset>" });
  });
});
