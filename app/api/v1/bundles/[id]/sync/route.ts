// POST /api/v1/bundles/{id}/sync – read a Git-sourced bundle's ref now (the webhook: call it
// with an API token on push); a new commit becomes a new revision. 409 for a YAML bundle.
import { auditActorOf } from "@/lib/server/auth/principal";
import { kickBundleDriver } from "@/lib/server/bundles/bundle-driver";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { syncGitBundle } from "@/lib/server/bundles/sync-git-bundle";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const POST = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema }, async ({ principal, params, meta }) => {
  await assertBundleOperable(principal, params.id);
  const result = await syncGitBundle(params.id, auditActorOf(principal), meta);
  if (result.revision !== null) kickBundleDriver();
  return { ...result, bundle: await getBundle(params.id) };
});
