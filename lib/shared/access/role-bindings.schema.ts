import { z } from "zod";
import { ZRoleSchema, type TRole } from "../users/users.schema";

export const BINDING_SUBJECTS = ["user", "group"] as const;
export type TBindingSubject = (typeof BINDING_SUBJECTS)[number];

/**
 * A role binding: `role` for a user (by username) or an identity-provider group (as named
 * in the groups claim), everywhere (`clusterGroup` null or omitted) or on the clusters of
 * one saved cluster group (by name).
 */
export const ZRoleBindingInputSchema = z
  .object({
    subjectKind: z.enum(BINDING_SUBJECTS, { message: "must be user or group" }),
    subject: z
      .string({ message: "must be a string" })
      .trim()
      .min(1, "is required")
      .max(256, "must be at most 256 characters")
      .refine((s) => !/[\u0000-\u001f]/.test(s), "must not contain control characters"),
    role: ZRoleSchema,
    clusterGroup: z.string({ message: "must be a string" }).min(1).max(63).nullable().optional(),
  })
  .strict();
export type TRoleBindingInput = z.infer<typeof ZRoleBindingInputSchema>;

export const ZRoleBindingParamsSchema = z.object({ id: z.string().min(1).max(64) });

export interface TRoleBinding {
  id: string;
  subjectKind: TBindingSubject;
  subject: string;
  role: TRole;
  /** The cluster group the role holds on; null = every cluster (and console-wide permissions). */
  clusterGroup: { id: string; name: string } | null;
  createdAt: string;
}
