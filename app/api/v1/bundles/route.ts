// GET /api/v1/bundles – every bundle with its rollout and per-state counts
// POST /api/v1/bundles – create {name, source:{yaml}, targets:{clusterSelector|clusterIds}, rollout?, prune?}; starts the rollout
import { auditActorOf } from "@/lib/server/auth/principal";
import { createBundle } from "@/lib/server/bundles/create-bundle";
import { listBundles } from "@/lib/server/bundles/list-bundles";
import { assertTargetsOperable } from "@/lib/server/bundles/assert-targets-operable";
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZCreateBundleSchema } from "@/lib/shared/bundles/bundles.schema";

export const GET = defineRoute({ access: "bundles:read" }, async ({ principal }) => listBundles(await clusterScopeOf(principal)));

export const POST = defineRoute({ access: "bundles:write", body: ZCreateBundleSchema }, async ({ principal, body, meta }) => {
  await assertTargetsOperable(principal, body.targets);
  return Response.json(await createBundle(body, auditActorOf(principal), meta), { status: 201 });
});
