// PATCH /api/v1/bundles/{id}/git – change a Git bundle's URL, ref, path, poll interval or credentials (read at once; a new revision when the source changed)
import { auditActorOf } from "@/lib/server/auth/principal";
import { assertBundleOperable } from "@/lib/server/bundles/assert-targets-operable";
import { updateBundleGit } from "@/lib/server/bundles/update-bundle-git";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZUpdateBundleGitSchema } from "@/lib/shared/bundles/bundle-git.schema";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const PATCH = defineRoute({ access: "bundles:write", params: ZBundleIdParamsSchema, body: ZUpdateBundleGitSchema }, async ({ principal, params, body, meta }) => {
  await assertBundleOperable(principal, params.id);
  return updateBundleGit(params.id, body, auditActorOf(principal), meta);
});
