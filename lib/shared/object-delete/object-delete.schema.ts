// Deleting any object with a propagation policy (`kubectl delete --cascade=foreground|background|orphan`).
import { z } from "zod";

export const PROPAGATION_POLICIES = ["Background", "Foreground", "Orphan"] as const;
export type TPropagationPolicy = (typeof PROPAGATION_POLICIES)[number];

/** `?propagationPolicy=`: absent = the cluster's default for the kind (Background for almost all). */
export const ZDeleteObjectQuerySchema = z.object({ propagationPolicy: z.enum(PROPAGATION_POLICIES).optional() });

/** What a delete answered: gone now, or still there marked for deletion (finalizers, foreground, orphaning). */
export interface TDeleteObjectResult {
  deleted: true;
  terminating: boolean;
}

/**
 * Whether deleting asks for the object's name to be typed: everything cluster-wide
 * (Namespaces with all their content, Nodes, CRDs with all their objects, PVs …) and any
 * object whose dependents go with it (not orphaned).
 */
export function needsTypedName(input: { namespaced: boolean; children: number; policy: TPropagationPolicy }): boolean {
  return !input.namespaced || (input.children > 0 && input.policy !== "Orphan");
}
