// GET /api/v1/bundles/{id} – one bundle: target revision, per-state counts, revisions, clusters [{clusterId, clusterName, state, message, …}]
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZBundleIdParamsSchema } from "@/lib/shared/bundles/bundles.schema";

export const GET = defineRoute({ access: "bundles:read", params: ZBundleIdParamsSchema }, async ({ params }) => getBundle(params.id));
