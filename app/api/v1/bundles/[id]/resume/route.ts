// POST /api/v1/bundles/{id}/resume – resume the bundle's rollout (docs/BUNDLES.md)
import { auditActorOf } from "@/lib/server/auth/principal";
import { changeBundleRollout } from "@/lib/server/bundles/change-bundle-rollout";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const POST = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema }, async ({ principal, params, meta }) => {
  await assertBundleOperable(principal, params.id);
  return changeBundleRollout(params.id, "resume", {}, auditActorOf(principal), meta);
});
