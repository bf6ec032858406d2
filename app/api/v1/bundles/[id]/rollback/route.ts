// POST /api/v1/bundles/{id}/rollback – roll out an earlier revision {revision?} (default: the one before the current)
import { auditActorOf } from "@/lib/server/auth/principal";
import { changeBundleRollout } from "@/lib/server/bundles/change-bundle-rollout";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema, ZRollbackBundleSchema } from "@/lib/shared/bundles/bundles.schema";

export const POST = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema, body: ZRollbackBundleSchema }, async ({ principal, params, body, meta }) => {
  await assertBundleOperable(principal, params.id);
  return changeBundleRollout(params.id, "rollback", body, auditActorOf(principal), meta);
});
