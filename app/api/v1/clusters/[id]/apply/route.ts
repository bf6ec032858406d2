// POST /api/v1/clusters/[id]/apply {yaml, namespace, mode, force} – server-side apply (dry run or real; operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { applyManifest } from "@/lib/server/yaml-apply/apply-manifest";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { ZApplyBodySchema } from "@/lib/shared/yaml-apply/yaml-apply.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZClusterParamsSchema, body: ZApplyBodySchema }, ({ principal, params, body, meta }) => applyManifest(principal, meta, params.id, body));
