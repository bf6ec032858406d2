// GET /api/v1/fleet/clusters – clusters with their last-known snapshot; filter, search, sort, group, offset paging
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { listFleetClusters } from "@/lib/server/fleet/list-fleet-clusters";
import { loadFleetConfig } from "@/lib/server/fleet/fleet-config";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZFleetClustersQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZFleetClustersQuerySchema }, async ({ query, principal }) =>
  listFleetClusters(query, loadFleetConfig().intervalMs, await clusterScopeOf(principal)),
);
