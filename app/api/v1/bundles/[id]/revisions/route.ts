// GET /api/v1/bundles/{id}/revisions – every revision with its YAML, newest first
// POST /api/v1/bundles/{id}/revisions – add a revision {source:{yaml}} and roll it out
import { auditActorOf } from "@/lib/server/auth/principal";
import { createBundleRevision } from "@/lib/server/bundles/create-bundle-revision";
import { listBundleRevisions } from "@/lib/server/bundles/list-bundle-revisions";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema, ZCreateBundleRevisionSchema } from "@/lib/shared/bundles/bundles.schema";

export const GET = defineRoute({ access: "bundles:read", params: ZBundleIdParamsSchema }, async ({ params }) => listBundleRevisions(params.id));

export const POST = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema, body: ZCreateBundleRevisionSchema }, async ({ principal, params, body, meta }) => {
  await assertBundleOperable(principal, params.id);
  return Response.json(await createBundleRevision(params.id, body, auditActorOf(principal), meta), { status: 201 });
});
