import { z } from "zod";

export const ZAuditQuerySchema = z.object({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  outcome: z.enum(["success", "failure", "denied"]).optional(),
  target: z.string().trim().max(128).optional(),
  since: z.iso.datetime({ message: "must be an ISO 8601 date-time" }).optional(),
  until: z.iso.datetime({ message: "must be an ISO 8601 date-time" }).optional(),
  /** Id of the last event of the previous page (events are newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditQuery = z.infer<typeof ZAuditQuerySchema>;

export const ZAuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;
