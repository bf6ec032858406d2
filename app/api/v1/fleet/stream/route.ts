// GET /api/v1/fleet/stream?rows=changes|all – server-sent events: `init`, then a `delta` per interval (one DB read for every viewer)
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { openFleetStream } from "@/lib/server/fleet/open-fleet-stream";
import { defineRoute } from "@/lib/server/http/define-route";
import { guardStreamResponse } from "@/lib/server/streams/guard-stream-response";
import { ZFleetStreamQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZFleetStreamQuerySchema }, async ({ req, query, principal }) =>
  guardStreamResponse(principal, "sse", null, req.signal, async (signal) => openFleetStream(query.rows, signal, undefined, await clusterScopeOf(principal))),
);
