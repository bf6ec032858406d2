// POST /api/v1/clusters/[id]/pods/[namespace]/[name]/evict – evict through the Eviction subresource (PDBs apply; operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { evictPod } from "@/lib/server/node-drain/evict-pod";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) => evictPod(principal, meta, params.id, params.namespace, params.name));
