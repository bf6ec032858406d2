import { describe, expect, it } from "vitest";
import { FIXTURE_NOW as NOW } from "./__fixtures__/load-fixture";
import { eventRow } from "./event-columns";
import {
  configMapRow,
  endpointsRow,
  formatEndpoints,
  namespaceRow,
  secretRow,
  serviceAccountRow,
  serviceRow,
} from "./service-columns";
import type { EventLike, ServiceLike } from "./types";

const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("serviceRow (printService)", () => {
  const svc = (spec: ServiceLike["spec"], status?: ServiceLike["status"]): ServiceLike => ({
    metadata: { name: "s", namespace: "default", creationTimestamp: ago(45 * 86400) },
    spec,
    status,
  });

  it("prints a ClusterIP service: first clusterIPs entry, <none> external IP, PORT(S), selector", () => {
    const s = svc({ type: "ClusterIP", clusterIP: "10.43.12.7", clusterIPs: ["10.43.12.7", "fd00:43::c"], ports: [{ port: 80, protocol: "TCP" }], selector: { app: "web" } });
    expect(serviceRow(s, NOW)).toEqual({ name: "s", namespace: "default", type: "ClusterIP", clusterIp: "10.43.12.7", externalIp: "<none>", ports: "80/TCP", age: "45d", selector: "app=web" });
  });

  it("prints kube-dns ports in order, UDP included, and <none> selector when empty", () => {
    const s = svc({ type: "ClusterIP", clusterIP: "10.43.0.10", ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }, { port: 9153, protocol: "TCP" }] });
    expect(serviceRow(s, NOW)).toMatchObject({ clusterIp: "10.43.0.10", ports: "53/UDP,53/TCP,9153/TCP", selector: "<none>" });
  });

  it("prints NodePort ports as port:nodePort/protocol and joins externalIPs", () => {
    const s = svc({ type: "NodePort", clusterIP: "10.43.99.1", externalIPs: ["203.0.113.5", "203.0.113.6"], ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }, { port: 443, nodePort: 30443, protocol: "TCP" }] });
    expect(serviceRow(s, NOW)).toMatchObject({ type: "NodePort", externalIp: "203.0.113.5,203.0.113.6", ports: "80:30080/TCP,443:30443/TCP" });
  });

  it("prints <pending> for a LoadBalancer without ingress, and sorted, de-duplicated ingress otherwise", () => {
    const lb = { type: "LoadBalancer", clusterIP: "10.43.5.5", ports: [{ port: 80, nodePort: 31234, protocol: "TCP" }] };
    expect(serviceRow(svc(lb), NOW).externalIp).toBe("<pending>");
    const ingress = { loadBalancer: { ingress: [{ ip: "192.168.50.11" }, { ip: "192.168.50.10" }, { ip: "192.168.50.11" }] } };
    expect(serviceRow(svc(lb, ingress), NOW).externalIp).toBe("192.168.50.10,192.168.50.11");
    const withHost = { loadBalancer: { ingress: [{ hostname: "lb.example.com" }] } };
    expect(serviceRow(svc({ ...lb, externalIPs: ["203.0.113.9"] }, withHost), NOW).externalIp).toBe("lb.example.com,203.0.113.9");
  });

  it("prints an ExternalName service's name, <none> cluster IP and ports; headless as None", () => {
    expect(serviceRow(svc({ type: "ExternalName", externalName: "db.example.com" }), NOW)).toMatchObject({ clusterIp: "<none>", externalIp: "db.example.com", ports: "<none>" });
    expect(serviceRow(svc({ type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], ports: [{ port: 5432, protocol: "TCP" }] }), NOW).clusterIp).toBe("None");
  });
});

describe("endpoints, namespaces, configmaps, secrets, serviceaccounts", () => {
  it("formats endpoints: ip:port, at most 3, then '+ N more...'", () => {
    const addrs = ["10.42.0.5", "10.42.1.6", "10.42.2.7", "10.42.3.8", "10.42.4.9"].map((ip) => ({ ip }));
    expect(formatEndpoints({ subsets: [{ addresses: addrs, ports: [{ port: 80 }] }] })).toBe("10.42.0.5:80,10.42.1.6:80,10.42.2.7:80 + 2 more...");
    expect(formatEndpoints({ subsets: [{ addresses: addrs, ports: [{ port: 80 }, { port: 443 }] }] })).toBe("10.42.0.5:80,10.42.1.6:80,10.42.2.7:80 + 7 more...");
    expect(formatEndpoints({ subsets: [{ addresses: [{ ip: "fd00::1" }], ports: [{ port: 8080 }] }] })).toBe("[fd00::1]:8080");
    expect(formatEndpoints({ subsets: [{ addresses: [{ ip: "10.42.0.5" }, { ip: "10.42.0.6" }] }] })).toBe("10.42.0.5,10.42.0.6");
    expect(formatEndpoints({ subsets: [{ addresses: [{ ip: "10.42.0.5" }], ports: [{ port: 80 }] }, { addresses: [{ ip: "10.42.9.9" }], ports: [{ port: 81 }] }] })).toBe("10.42.0.5:80,10.42.9.9:81");
    expect(endpointsRow({ metadata: { name: "kubernetes", creationTimestamp: ago(60) } }, NOW)).toMatchObject({ endpoints: "<none>", age: "60s" });
  });

  it("prints namespace phase, configmap/secret key counts, secret type and SA secrets", () => {
    expect(namespaceRow({ metadata: { name: "kube-system", creationTimestamp: ago(86400) }, status: { phase: "Active" } }, NOW)).toEqual({ name: "kube-system", status: "Active", age: "24h" });
    expect(namespaceRow({ metadata: { name: "old" }, status: { phase: "Terminating" } }, NOW).status).toBe("Terminating");
    expect(configMapRow({ metadata: { name: "cm" }, data: { a: "1", b: "2" }, binaryData: { c: "AA==" } }, NOW).data).toBe(3);
    expect(secretRow({ metadata: { name: "tls" }, type: "kubernetes.io/tls", data: { "tls.crt": "x", "tls.key": "y" } }, NOW)).toMatchObject({ type: "kubernetes.io/tls", data: 2 });
    expect(secretRow({ metadata: { name: "plain" } }, NOW)).toMatchObject({ type: "Opaque", data: 0 });
    expect(serviceAccountRow({ metadata: { name: "default" } }, NOW).secrets).toBe(0);
  });
});

describe("eventRow (printEvent)", () => {
  it("prints a core/v1 event: LAST SEEN, TYPE, REASON, OBJECT kind/name, trimmed MESSAGE and wide columns", () => {
    const ev: EventLike = {
      metadata: { name: "web-1.17f0a1b2c3d4e5f6", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web-1", fieldPath: "spec.containers{nginx}" },
      reason: "BackOff",
      message: "Back-off restarting failed container nginx in pod web-1_default(1f2e)\n",
      type: "Warning",
      count: 5,
      firstTimestamp: ago(600),
      lastTimestamp: ago(150),
      source: { component: "kubelet", host: "agent-01" },
    };
    expect(eventRow(ev, NOW)).toEqual({
      name: "web-1.17f0a1b2c3d4e5f6",
      namespace: "default",
      lastSeen: "2m30s",
      type: "Warning",
      reason: "BackOff",
      object: "pod/web-1",
      subobject: "spec.containers{nginx}",
      source: "kubelet, agent-01",
      message: "Back-off restarting failed container nginx in pod web-1_default(1f2e)",
      firstSeen: "10m",
      count: 5,
    });
  });

  it("falls back to eventTime, count 1 and reportingComponent/Instance for new-API events", () => {
    const ev: EventLike = {
      metadata: { name: "e" },
      involvedObject: { kind: "Pod", name: "gpu-worker-7b8c9d-lk4j3" },
      reason: "FailedScheduling",
      type: "Warning",
      eventTime: "2025-06-01T11:58:00.123456Z",
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-server-01",
      firstTimestamp: null,
      lastTimestamp: null,
    };
    expect(eventRow(ev, NOW)).toMatchObject({ lastSeen: "119s", firstSeen: "119s", count: 1, source: "default-scheduler, default-scheduler-server-01" });
  });

  it("uses the series for LAST SEEN and COUNT; lower-cases the kind; <unknown> without times", () => {
    const ev: EventLike = {
      involvedObject: { kind: "Node" },
      eventTime: ago(3600),
      series: { count: 12, lastObservedTime: ago(30) },
      source: { component: "node-controller" },
    };
    expect(eventRow(ev, NOW)).toMatchObject({ lastSeen: "30s", firstSeen: "60m", count: 12, object: "node", source: "node-controller" });
    expect(eventRow({ involvedObject: { kind: "Deployment", name: "web" } }, NOW)).toMatchObject({ lastSeen: "<unknown>", firstSeen: "<unknown>", object: "deployment/web", count: 1 });
  });
});
