// Workload revision history, rollback and pause/resume (`kubectl rollout history|undo|pause|resume`).
import { z } from "zod";

/** Kinds with a revision history: Deployments (ReplicaSets), StatefulSets and DaemonSets (ControllerRevisions). */
export const ROLLBACK_RESOURCES = ["deployments", "statefulsets", "daemonsets"] as const;
export type TRollbackResource = (typeof ROLLBACK_RESOURCES)[number];

/** `{ revision? }`: the revision to return to; absent = the one before the current. */
export const ZRollbackBodySchema = z.object({ revision: z.number().int().min(1).optional() });

/** One revision: the object holding it (ReplicaSet or ControllerRevision), its images and pod template. */
export interface TWorkloadRevision {
  revision: number;
  /** The ReplicaSet (Deployments) or ControllerRevision (StatefulSets, DaemonSets) of this revision. */
  source: string;
  images: string[];
  current: boolean;
  /** The revision's pod template as YAML (what a diff between revisions compares). */
  template: string;
}

export interface TWorkloadHistory {
  revisions: TWorkloadRevision[];
}
