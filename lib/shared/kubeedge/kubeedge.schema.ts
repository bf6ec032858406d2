// Schemas of the KubeEdge custom resources the console reads (devices.kubeedge.io, v1beta1
// and v1alpha2) and the response type of `GET /api/v1/clusters/{id}/kubeedge`. Lenient:
// only what the views show is required.
import { z } from "zod";
import type { TClusterError } from "../explorer/explorer.schema";
import type { TTwinState } from "./twin-drift";

const twinValue = z.object({ value: z.string().optional(), metadata: z.record(z.string(), z.string()).optional() }).optional();
const meta = z.object({ name: z.string(), namespace: z.string().optional(), labels: z.record(z.string(), z.string()).optional(), creationTimestamp: z.string().optional() });

/** A Device in either served version (fields of both; each version fills its own). */
export const ZKubeEdgeDeviceSchema = z.object({
  apiVersion: z.string().optional(),
  metadata: meta,
  spec: z
    .object({
      deviceModelRef: z.object({ name: z.string().optional() }).optional(),
      /** v1beta1 */
      nodeName: z.string().optional(),
      /** v1alpha2: the node is chosen by a selector on hostname. */
      nodeSelector: z.object({ nodeSelectorTerms: z.array(z.object({ matchExpressions: z.array(z.object({ key: z.string(), values: z.array(z.string()).optional() })).optional() })).optional() }).optional(),
      protocol: z.record(z.string(), z.unknown()).optional(),
      /** v1beta1: desired values live in the spec. */
      properties: z.array(z.object({ name: z.string(), desired: twinValue })).optional(),
    })
    .optional(),
  status: z
    .object({
      state: z.string().optional(),
      lastOnlineTime: z.string().optional(),
      /** v1beta1: reported + observedDesired; v1alpha2: desired + reported. */
      twins: z.array(z.object({ propertyName: z.string(), desired: twinValue, reported: twinValue, observedDesired: twinValue })).optional(),
    })
    .optional(),
});
export type TKubeEdgeDevice = z.infer<typeof ZKubeEdgeDeviceSchema>;

/** A DeviceModel: v1beta1 `type: "FLOAT"` or v1alpha2 `type: { float: {…} }`. */
export const ZKubeEdgeDeviceModelSchema = z.object({
  metadata: meta,
  spec: z
    .object({
      protocol: z.string().optional(),
      properties: z.array(z.object({ name: z.string(), description: z.string().optional(), type: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(), accessMode: z.string().optional(), unit: z.string().optional() })).optional(),
    })
    .optional(),
});
export type TKubeEdgeDeviceModel = z.infer<typeof ZKubeEdgeDeviceModelSchema>;

export interface TKubeEdgeTwin {
  property: string;
  type: string | null;
  desired: string | null;
  reported: string | null;
  /** ISO time of the reported value, when the mapper stamped one. */
  reportedAt: string | null;
  state: TTwinState;
}

export interface TKubeEdgeDeviceView {
  namespace: string;
  name: string;
  model: string | null;
  node: string | null;
  protocol: string | null;
  state: string | null;
  lastOnlineTime: string | null;
  twins: TKubeEdgeTwin[];
  driftCount: number;
}

export interface TKubeEdgeModelView {
  namespace: string;
  name: string;
  protocol: string | null;
  properties: Array<{ name: string; type: string | null; accessMode: string | null; unit: string | null }>;
}

export interface TEdgeNodeView {
  name: string;
  status: string;
  kubeletVersion: string;
  kubeedgeVersion: string | null;
  internalIp: string;
  osImage: string;
  createdAt: string | null;
}

/** `GET /api/v1/clusters/{id}/kubeedge` — each part fails on its own. */
export interface TKubeEdgeOverview {
  nodes: TEdgeNodeView[];
  nodesError: TClusterError | null;
  /** The served devices.kubeedge.io version, or null when the CRDs are not installed (or unreadable). */
  apiVersion: string | null;
  devices: TKubeEdgeDeviceView[];
  models: TKubeEdgeModelView[];
  devicesError: TClusterError | null;
}
