// GET /api/v1/clusters/[id]/resources – every resource the cluster serves (aggregated discovery, CRDs included)
//   ?watch=true – a `changed` event (SSE) whenever a CRD comes or goes
import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { listApiResources } from "@/lib/server/resources/list-api-resources";
import { streamApiResourceChanges } from "@/lib/server/resources/stream-api-resource-changes";
import { guardStreamResponse } from "@/lib/server/streams/guard-stream-response";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

const ZQuerySchema = z.object({ watch: z.enum(["true", "false"]).optional() });

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZQuerySchema }, ({ principal, params, query, req }) =>
  query.watch === "true" ? guardStreamResponse(principal, "sse", params.id, req.signal, (signal) => streamApiResourceChanges(params.id, signal)) : listApiResources(params.id),
);
