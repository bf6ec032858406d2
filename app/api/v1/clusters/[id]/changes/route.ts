// GET /api/v1/clusters/[id]/changes?resources=nodes,pods&namespace= – "what you look at changed" (SSE), for overview and object pages
import { defineRoute } from "@/lib/server/http/define-route";
import { streamClusterChanges } from "@/lib/server/explorer/stream-cluster-changes";
import { ZChangesQuerySchema, ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZChangesQuerySchema }, ({ principal, params, query, req }) =>
  streamClusterChanges(principal, params.id, query, req.signal),
);
