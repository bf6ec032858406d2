// GET /api/v1/clusters/{id}/bundles – the bundles targeting this cluster and their state on it
import { listClusterBundles } from "@/lib/server/bundles/list-cluster-bundles";
import { getClusterOrThrow } from "@/lib/server/clusters/get-cluster-or-throw";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterIdParamsSchema } from "@/lib/shared/clusters/clusters.schema";

export const GET = defineRoute({ access: "bundles:read", params: ZClusterIdParamsSchema }, async ({ params }) => {
  await getClusterOrThrow(params.id);
  return listClusterBundles(params.id);
});
