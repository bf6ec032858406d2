// POST /api/v1/bundles/{id}/webhook-secret – a new secret for the bundle's signed Git webhook, shown once ({secret, path})
import { auditActorOf } from "@/lib/server/auth/principal";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { rotateBundleWebhookSecret } from "@/lib/server/bundles/rotate-bundle-webhook-secret";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const POST = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema }, async ({ principal, params, meta }) => {
  await assertBundleOperable(principal, params.id);
  return rotateBundleWebhookSecret(params.id, auditActorOf(principal), meta);
});
