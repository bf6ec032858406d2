import { z } from "zod";
import { ZClusterNameSchema, ZLabelsSchema } from "../clusters/clusters.schema";

/** What an agent started with a fleet token reports about its cluster. */
export const ZClusterIdentitySchema = z.object({
  /** The k3s server node's name (the first control-plane node by creation). */
  nodeName: z.string().trim().min(1, "is required").max(253),
  /** /etc/machine-id of that node (`status.nodeInfo.machineID`): 32 hex characters on systemd hosts. */
  machineId: z.string().trim().regex(/^[0-9a-zA-Z-]{8,64}$/, "must be 8–64 letters, digits or '-'"),
  arch: z.string().trim().min(1).max(32),
  k3sVersion: z.string().trim().min(1).max(64),
  /** Labels given to the agent (`--labels region=eu,rack=3`). */
  labels: ZLabelsSchema.default({}),
});
export type TClusterIdentity = z.infer<typeof ZClusterIdentitySchema>;

const template = (max: number) => z.string({ message: "must be a string" }).trim().max(max, `must be at most ${max} characters`);

/** POST /api/v1/fleet-tokens */
export const ZCreateFleetTokenSchema = z.object({
  name: z.string({ message: "must be a string" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  /** Hours until the token stops admitting new registrations (at most a year). */
  expiresInHours: z.number({ message: "must be a number" }).int().min(1, "must be at least 1").max(8760, "must be at most 8760 (a year)").default(168),
  maxUses: z.number({ message: "must be a number" }).int().min(1, "must be at least 1").max(100_000, "must be at most 100000").nullable().default(null),
  labelTemplate: template(1000).default(""),
  nameTemplate: template(100).default("${hostname}"),
  requireApproval: z.boolean({ message: "must be true or false" }).default(true),
});
export type TCreateFleetToken = z.infer<typeof ZCreateFleetTokenSchema>;

/** POST /api/v1/fleet-registrations/{id}/approve — optional corrections of the proposal. */
export const ZApproveRegistrationSchema = z.object({
  name: ZClusterNameSchema.optional(),
  displayName: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters").optional(),
  labels: ZLabelsSchema.optional(),
});
export type TApproveRegistration = z.infer<typeof ZApproveRegistrationSchema>;

export const FLEET_REGISTRATION_STATES = ["pending", "approved", "rejected"] as const;
export type TFleetRegistrationState = (typeof FLEET_REGISTRATION_STATES)[number];

export const ZListRegistrationsQuerySchema = z.object({
  state: z.enum(FLEET_REGISTRATION_STATES, { message: "must be pending, approved or rejected" }).optional(),
});

export interface TFleetToken {
  id: string;
  name: string;
  labelTemplate: string;
  nameTemplate: string;
  requireApproval: boolean;
  maxUses: number | null;
  useCount: number;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  createdByName: string;
  /** usable, expired, revoked or exhausted (max uses reached). */
  status: "usable" | "expired" | "revoked" | "exhausted";
}

/** The create answer: the only time the token and its import commands are shown. */
export interface TCreatedFleetToken extends TFleetToken {
  token: string;
  /** The console CA's checksum the agent pins ("" with a publicly trusted certificate). */
  caChecksum: string;
  importCommands: import("../clusters/clusters.schema").TImportCommands;
  /** A cloud-init `runcmd` for pre-imaged devices (the bare-host install at first boot). */
  cloudInit: string | null;
}

export interface TFleetRegistration {
  id: string;
  state: TFleetRegistrationState;
  machineId: string;
  nodeName: string;
  arch: string;
  k3sVersion: string;
  agentVersion: string | null;
  reportedLabels: Record<string, string>;
  name: string;
  displayName: string;
  labels: Record<string, string>;
  clusterId: string | null;
  fleetToken: { id: string; name: string } | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
}
