// GET /api/v1/clusters/{id} – one cluster with its derived state
// PATCH /api/v1/clusters/{id} – edit displayName, description, labels, region, site
// DELETE /api/v1/clusters/{id} – delete: revokes its tokens and credentials, closes its tunnel
import { auditActorOf } from "@/lib/server/auth/principal";
import { countRecentFlaps } from "@/lib/server/clusters/count-recent-flaps";
import { deleteCluster } from "@/lib/server/clusters/delete-cluster";
import { getClusterOrThrow } from "@/lib/server/clusters/get-cluster-or-throw";
import { toClusterDto } from "@/lib/server/clusters/to-cluster-dto";
import { updateCluster } from "@/lib/server/clusters/update-cluster";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterIdParamsSchema, ZUpdateClusterSchema } from "@/lib/shared/clusters/clusters.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterIdParamsSchema }, async ({ params }) => {
  const cluster = await getClusterOrThrow(params.id);
  return toClusterDto(cluster, (await countRecentFlaps([cluster.id])).get(cluster.id) ?? 0);
});

export const PATCH = defineRoute(
  { access: "clusters:write", params: ZClusterIdParamsSchema, body: ZUpdateClusterSchema },
  async ({ principal, params, body, meta }) => updateCluster(params.id, body, auditActorOf(principal), meta),
);

export const DELETE = defineRoute({ access: "clusters:write", params: ZClusterIdParamsSchema }, async ({ principal, params, meta }) => {
  await deleteCluster(params.id, auditActorOf(principal), meta);
  return { ok: true };
});
