import { z } from "zod";
import { ZBundleNameSchema, ZBundleRolloutSchema, ZBundleTargetsSchema, type TBundleDetail } from "../bundles/bundles.schema";
import { parseK3sVersion } from "./k3s-version";

/** POST /api/v1/k3s-upgrades */
export const ZCreateK3sUpgradeSchema = z.object({
  /** The bundle's name; default `k3s-<version>-<time>`. */
  name: ZBundleNameSchema.optional(),
  targets: ZBundleTargetsSchema,
  version: z.string({ message: "must be a string" }).trim().refine((v) => parseK3sVersion(v) !== null, "must be a k3s version like v1.31.4+k3s1"),
  /** Waves and health gates as for bundles; `maxFailed` 1 by default: one failing cluster pauses the upgrade. */
  rollout: ZBundleRolloutSchema.optional(),
  /** Agent nodes upgraded at once per cluster (servers always one at a time). */
  agentConcurrency: z.number({ message: "must be a number" }).int().min(1, "must be at least 1").max(100, "must be at most 100").default(1),
});
export type TCreateK3sUpgrade = z.infer<typeof ZCreateK3sUpgradeSchema>;

/** A cluster whose nodes disagree on versions (server/agent skew), for the operator to see before starting. */
export interface TUpgradeWarning {
  clusterId: string;
  clusterName: string;
  message: string;
}

export interface TCreatedK3sUpgrade {
  bundle: TBundleDetail;
  warnings: TUpgradeWarning[];
}

/** GET /api/v1/k3s-upgrades/versions: the fleet's k3s version spread and who lags. */
export interface TK3sVersionSpread {
  /** Versions the fleet runs (the apiserver's), newest first, with their cluster counts. */
  versions: Array<{ version: string; clusters: number }>;
  /** The newest version any cluster runs. */
  newest: string | null;
  /** Clusters behind the newest, most behind first: minors behind and their version. */
  lagging: Array<{ clusterId: string; name: string; version: string; minorsBehind: number }>;
  /** Clusters whose version is not known yet (never connected). */
  unknown: number;
}

/** GET /api/v1/clusters/{id}/lifecycle: one cluster's versions at a glance. */
export interface TClusterLifecycle {
  kubernetesVersion: string | null;
  agentVersion: string | null;
  /** The agent version this console serves (its own version). */
  latestAgentVersion: string;
  /** The cluster's agent is older than the console's. */
  agentUpdateAvailable: boolean;
  /** Version changes the agent reported, newest first (at most 20). */
  history: Array<{ component: "k3s" | "agent"; from: string | null; to: string; at: string }>;
  /** The newest k3s upgrade that targeted this cluster, with its state there. */
  lastUpgrade: { bundleId: string; name: string; version: string; state: string; message: string | null; at: string } | null;
  /** How the cluster joined: by a fleet token's self-registration (approved by whom), else null (imported). */
  registration: { fleetTokenName: string | null; approvedBy: string | null; approvedAt: string | null } | null;
}
