// GET /api/v1/clusters/[id]/pods/[namespace]/[name]/logs?container=&tailLines=&follow=&timestamps=&previous=&download=
// – the pod's log as streamed text/plain; a follow ends upstream when the client disconnects
import { defineRoute } from "@/lib/server/http/define-route";
import { streamPodLogs } from "@/lib/server/explorer/stream-pod-logs";
import { guardStreamResponse } from "@/lib/server/streams/guard-stream-response";
import { ZLogsQuerySchema, ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZNamespacedObjectParamsSchema, query: ZLogsQuerySchema }, ({ principal, params, query, req }) =>
  guardStreamResponse(principal, "logs", params.id, req.signal, (signal) => streamPodLogs(principal, params.id, params.namespace, params.name, query, signal)),
);
