// GET /api/v1/clusters/[id]/watch?resource=&namespace=&labelSelector=&resourceVersion= – live list updates (SSE)
import { defineRoute } from "@/lib/server/http/define-route";
import { streamResourceWatch } from "@/lib/server/explorer/stream-resource-watch";
import { guardStreamResponse } from "@/lib/server/streams/guard-stream-response";
import { ZClusterParamsSchema, ZWatchQuerySchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZWatchQuerySchema }, ({ principal, params, query, req }) =>
  guardStreamResponse(principal, "sse", params.id, req.signal, (signal) => streamResourceWatch(principal, params.id, query, signal)),
);
