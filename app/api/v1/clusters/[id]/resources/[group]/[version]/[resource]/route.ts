// GET /api/v1/clusters/[id]/resources/[group]/[version]/[resource] – the apiserver's Table of any resource, as the user
//   ?namespace=&labelSelector=&fieldSelector=&limit=&continue=   one page (Table JSON)
//   …&watch=true&resourceVersion=                                 its live rows (SSE)
import { defineRoute } from "@/lib/server/http/define-route";
import { listResourceTable } from "@/lib/server/resources/list-resource-table";
import { streamResourceTable } from "@/lib/server/resources/stream-resource-table";
import { guardStreamResponse } from "@/lib/server/streams/guard-stream-response";
import { ZResourceParamsSchema, ZResourceTableQuerySchema } from "@/lib/shared/resources/resources.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZResourceParamsSchema, query: ZResourceTableQuerySchema }, ({ principal, params, query, req }) => {
  const { watch, resourceVersion, ...list } = query;
  if (watch === "true" && resourceVersion) {
    return guardStreamResponse(principal, "sse", params.id, req.signal, (signal) => streamResourceTable(principal, params, { ...list, resourceVersion }, signal));
  }
  return listResourceTable(principal, params, list);
});
