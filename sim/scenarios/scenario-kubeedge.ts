import type { ClusterState } from "../cluster/cluster-state";
import { addNode, crd, deployment, ensureNamespace, put } from "./scenario-helpers";

export const KUBEEDGE_VERSION = "v1.29.5-kubeedge-v1.18.0";

/** kubeedge: cloudcore, two edge nodes, Device/DeviceModel CRDs and devices whose twins drift. */
export function scenarioKubeedge(cluster: ClusterState, edgeNodes = 2): void {
  ensureNamespace(cluster, "kubeedge");
  deployment(cluster, "kubeedge", "cloudcore", "kubeedge/cloudcore:v1.18.0", 1, { labels: { "k8s-app": "kubeedge", kubeedge: "cloudcore" }, ports: [10000, 10002] });
  const edges: string[] = [];
  for (let i = 1; i <= edgeNodes; i++) {
    const name = `${cluster.name}-edge-${i}`;
    edges.push(name);
    addNode(cluster, { name, ip: `192.168.${cluster.index & 255}.${100 + i}`, roles: ["agent", "edge"], kubeletVersion: KUBEEDGE_VERSION, taints: [{ key: "node-role.kubernetes.io/edge", effect: "NoSchedule" }], osImage: "Ubuntu 22.04.4 LTS" });
  }
  crd(cluster, "devices.kubeedge.io", "DeviceModel", "devicemodels", "v1beta1", "Namespaced");
  crd(cluster, "devices.kubeedge.io", "Device", "devices", "v1beta1", "Namespaced", [{ name: "Node", type: "string", jsonPath: ".spec.nodeName" }, { name: "Model", type: "string", jsonPath: ".spec.deviceModelRef.name" }, { name: "State", type: "string", jsonPath: ".status.state" }]);
  put(cluster, "devices.kubeedge.io/v1beta1", "DeviceModel", { name: "thermometer", namespace: "default" }, {
    spec: { protocol: "modbus", properties: [{ name: "temperature", description: "temperature in °C", type: "FLOAT", accessMode: "ReadOnly", minimum: "-40", maximum: "125", unit: "degree celsius" }, { name: "setpoint", type: "FLOAT", accessMode: "ReadWrite", unit: "degree celsius" }] },
  });
  put(cluster, "devices.kubeedge.io/v1beta1", "DeviceModel", { name: "relay", namespace: "default" }, { spec: { protocol: "modbus", properties: [{ name: "state", type: "STRING", accessMode: "ReadWrite" }] } });
  edges.forEach((node, i) => {
    const ts = String(cluster.now());
    const drift = i % 2 === 1;
    put(cluster, "devices.kubeedge.io/v1beta1", "Device", { name: `thermometer-${i + 1}`, namespace: "default", labels: { model: "thermometer" } }, {
      spec: {
        deviceModelRef: { name: "thermometer" },
        nodeName: node,
        protocol: { protocolName: "modbus", configData: { slaveID: i + 1 } },
        properties: [
          { name: "temperature", reportCycle: 10000, collectCycle: 10000, reportToCloud: true, desired: { value: "", metadata: { type: "float" } }, visitors: { protocolName: "modbus", configData: { register: "HoldingRegister", offset: 2, limit: 1 } } },
          { name: "setpoint", reportToCloud: true, desired: { value: "21.5", metadata: { type: "float" } }, visitors: { protocolName: "modbus", configData: { register: "HoldingRegister", offset: 4, limit: 1 } } },
        ],
      },
      status: {
        state: drift ? "offline" : "online",
        lastOnlineTime: new Date(cluster.now()).toISOString(),
        twins: [
          { propertyName: "temperature", reported: { value: (20 + i * 1.7).toFixed(1), metadata: { timestamp: ts, type: "float" } }, observedDesired: { value: "", metadata: { type: "float" } } },
          { propertyName: "setpoint", reported: { value: drift ? "19.0" : "21.5", metadata: { timestamp: ts, type: "float" } }, observedDesired: { value: "21.5", metadata: { type: "float" } } },
        ],
      },
    });
    put(cluster, "devices.kubeedge.io/v1beta1", "Device", { name: `relay-${i + 1}`, namespace: "default", labels: { model: "relay" } }, {
      spec: { deviceModelRef: { name: "relay" }, nodeName: node, protocol: { protocolName: "modbus" }, properties: [{ name: "state", reportToCloud: true, desired: { value: "ON", metadata: { type: "string" } } }] },
      status: { state: "online", twins: [{ propertyName: "state", reported: { value: i === 0 ? "ON" : "OFF", metadata: { timestamp: ts, type: "string" } }, observedDesired: { value: "ON", metadata: { type: "string" } } }] },
    });
  });
}
