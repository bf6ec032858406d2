import { z } from "zod";

export const ZCreateApiTokenSchema = z.object({
  name: z.string({ message: "must be a string" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  /** Days until the token expires; omit or null for a token that does not expire. */
  ttlDays: z.number({ message: "must be a number" }).int("must be a whole number").min(1).max(3650).nullable().optional(),
  /** Narrow the token: every role of the owner counts as viewer, and it makes no writes. */
  readOnly: z.boolean({ message: "must be true or false" }).optional(),
  /** Narrow the token to the clusters of one cluster group (by name); it then administers nothing. */
  clusterGroup: z.string({ message: "must be a string" }).min(1).max(63).nullable().optional(),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiTokenSchema>;

export const ZApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  readOnly: z.boolean(),
  /** The cluster group the token is narrowed to (name), or null. */
  clusterGroup: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiTokenSchema>;

export const ZApiTokenIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
