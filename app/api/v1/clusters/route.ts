// GET /api/v1/clusters – registered clusters (?q=&state=&offset=&limit=)
// POST /api/v1/clusters – register a cluster {name, displayName?, description?, labels?, region?, site?}; returns its import commands once
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { auditActorOf } from "@/lib/server/auth/principal";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { listClusters } from "@/lib/server/clusters/list-clusters";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZCreateClusterSchema } from "@/lib/shared/clusters/clusters.schema";
import { ZListClustersQuerySchema } from "@/lib/shared/clusters/list-clusters.schema";

export const GET = defineRoute({ access: "clusters:read", query: ZListClustersQuerySchema }, async ({ query, principal }) => listClusters(query, await clusterScopeOf(principal)));

export const POST = defineRoute({ access: "clusters:write", body: ZCreateClusterSchema }, async ({ principal, body, meta }) =>
  Response.json(await createCluster(body, auditActorOf(principal), meta), { status: 201 }),
);
