// GET /api/v1/fleet/summary – fleet totals (clusters by state, nodes, failing pods, EdgeX, alerts), one query
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { getFleetSummary } from "@/lib/server/fleet/get-fleet-summary";
import { loadFleetConfig } from "@/lib/server/fleet/fleet-config";
import { defineRoute } from "@/lib/server/http/define-route";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: z.object({}).strict() }, async ({ principal }) =>
  getFleetSummary(loadFleetConfig().intervalMs, await clusterScopeOf(principal)),
);
