import { z } from "zod";

/** DNS-1123 label: what Kubernetes accepts as a name, and safe in URLs and kubeconfigs. */
export const ZClusterNameSchema = z
  .string({ message: "must be a string" })
  .trim()
  .min(1, "is required")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit");

const labelKey = z
  .string()
  .max(253)
  .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, "is not a valid label key");
const labelValue = z.string().max(63).regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, "is not a valid label value");

/** Kubernetes-style labels (`env=prod`, `example.com/site=berlin`), at most 64. */
export const ZLabelsSchema = z
  .record(labelKey, labelValue, { message: "must be an object of label key → value" })
  .refine((labels) => Object.keys(labels).length <= 64, "at most 64 labels");

const optionalText = (max: number) => z.string({ message: "must be a string" }).trim().max(max, `must be at most ${max} characters`);

export const ZCreateClusterSchema = z.object({
  name: ZClusterNameSchema,
  displayName: optionalText(100).optional(),
  description: optionalText(1000).optional(),
  labels: ZLabelsSchema.default({}),
  region: optionalText(64).optional(),
  site: optionalText(64).optional(),
});
export type TCreateCluster = z.infer<typeof ZCreateClusterSchema>;

export const ZUpdateClusterSchema = z
  .object({
    displayName: optionalText(100).min(1, "is required"),
    description: optionalText(1000),
    labels: ZLabelsSchema,
    region: optionalText(64).nullable(),
    site: optionalText(64).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to update" });
export type TUpdateCluster = z.infer<typeof ZUpdateClusterSchema>;

export const ZClusterIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const CLUSTER_STATES = ["pending", "active", "unavailable"] as const;
export type TClusterState = (typeof CLUSTER_STATES)[number];

/** Commands that install the agent; each carries the registration token. */
export interface TImportCommands {
  /** `kubectl apply -f <url>` */
  kubectl: string;
  /** `curl --insecure -sfL <url> | kubectl apply -f -` — null when the console's certificate is publicly trusted. */
  curlInsecure: string | null;
  /** The agent in Docker on a k3s server (host network, root for k3s.yaml, credential in a named volume); null without a built bundle. */
  docker: string | null;
  /** The bare-host install as a systemd service (dedicated user, /var/lib/outpost-agent); null without a built bundle. */
  systemd: string | null;
  /** The systemd unit that install puts in place (no secret in it). */
  systemdUnit: string;
  /** Where the unit can be downloaded (`/v3/outpost-agent.service`). */
  systemdUnitUrl: string;
  manifestUrl: string;
  expiresAt: string;
}

export interface TCluster {
  id: string;
  name: string;
  displayName: string;
  description: string;
  labels: Record<string, string>;
  region: string | null;
  site: string | null;
  createdAt: string;
  updatedAt: string;
  state: TClusterState;
  stateReason: string | null;
  stateSince: string;
  lastSeenAt: string | null;
  kubernetesVersion: string | null;
  nodeCount: number | null;
  serverCount: number | null;
  agentVersion: string | null;
  /** Active → Unavailable transitions in the last hour. */
  flapsPerHour: number;
  /** A tunnel from the cluster's agent is up right now. */
  connected: boolean;
  /** SHA-256 of the console CA as served at /cacerts ("" for a publicly trusted certificate). */
  caChecksum: string;
  /**
   * Present only in responses that issue a registration token (create, rotate): tokens
   * are stored only as hashes, so the commands cannot be shown again later.
   */
  importCommands: TImportCommands | null;
}
