// GET /api/v1/fleet/clusters/[id]/trends?hours=24 – nodes ready and failing pods over time, from snapshot history
import { getClusterTrends } from "@/lib/server/fleet/get-cluster-trends";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterIdParamsSchema } from "@/lib/shared/clusters/clusters.schema";
import { ZFleetTrendsQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterIdParamsSchema, query: ZFleetTrendsQuerySchema }, async ({ params, query }) =>
  getClusterTrends(params.id, query.hours),
);
