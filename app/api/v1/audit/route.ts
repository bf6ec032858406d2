// GET /api/v1/audit – audit events, newest first; filters actor, action, outcome, target, since, until; paged by `before`
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZAuditQuerySchema } from "@/lib/shared/audit/audit.schema";

export const GET = defineRoute({ access: "audit:read", query: ZAuditQuerySchema }, async ({ query }) => listAuditEvents(query));
