import { z } from "zod";

/** Body of POST /v3/connect/register (sent by the agent). */
export const ZEnrollSchema = z.object({
  token: z.string({ message: "must be a string" }).min(1, "is required").max(200),
  clusterId: z.string().max(64).optional(),
  agentVersion: z.string().max(64).optional(),
});
