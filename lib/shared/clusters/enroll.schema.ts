import { z } from "zod";
import { ZClusterIdentitySchema } from "../fleet-registration/fleet-registration.schema";

/**
 * Body of POST /v3/connect/register (sent by the agent): a cluster's registration token
 * (with its cluster id), or a fleet token (`oft-…`) with the cluster's identity.
 */
export const ZEnrollSchema = z.object({
  token: z.string({ message: "must be a string" }).min(1, "is required").max(200),
  clusterId: z.string().max(64).optional(),
  agentVersion: z.string().max(64).optional(),
  identity: ZClusterIdentitySchema.optional(),
});
