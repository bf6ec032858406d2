// Deployment revision history and rollback (`kubectl rollout history` / `rollout undo`).
import { z } from "zod";

/** `{ revision? }`: the revision to return to; absent = the one before the current. */
export const ZRollbackBodySchema = z.object({ revision: z.number().int().min(1).optional() });

/** One revision: its ReplicaSet and the images of its pod template. */
export interface TDeploymentRevision {
  revision: number;
  replicaSet: string;
  images: string[];
  current: boolean;
}

export interface TDeploymentHistory {
  revisions: TDeploymentRevision[];
}
