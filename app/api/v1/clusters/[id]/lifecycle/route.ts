// GET /api/v1/clusters/{id}/lifecycle – k3s and agent versions, version history, last k3s upgrade, how the cluster joined
import { defineRoute } from "@/lib/server/http/define-route";
import { getClusterLifecycle } from "@/lib/server/upgrades/get-cluster-lifecycle";
import { ZClusterIdParamsSchema } from "@/lib/shared/clusters/clusters.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterIdParamsSchema }, async ({ params }) => getClusterLifecycle(params.id));
