// GET /api/v1/bundles/{id} – one bundle: target revision, per-state counts, revisions, clusters [{clusterId, clusterName, state, message, …}]
// DELETE /api/v1/bundles/{id}?prune=true|false – delete; with prune (default) its objects are removed from every cluster first
import { auditActorOf } from "@/lib/server/auth/principal";
import { deleteBundle } from "@/lib/server/bundles/delete-bundle";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema, ZDeleteBundleQuerySchema } from "@/lib/shared/bundles/bundles.schema";

export const GET = defineRoute({ access: "bundles:read", params: ZBundleIdParamsSchema }, async ({ params, principal }) => getBundle(params.id, await clusterScopeOf(principal)));

export const DELETE = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema, query: ZDeleteBundleQuerySchema }, async ({ principal, params, query, meta }) => {
  await assertBundleOperable(principal, params.id);
  const result = await deleteBundle(params.id, query.prune, auditActorOf(principal), meta);
  // 200 when gone; 202 while the driver still prunes clusters (the bundle shows `deleting`).
  return Response.json(result, { status: result.deleted ? 200 : 202 });
});
