// GET /api/v1/clusters/[id]/usage?resource=pods|nodes&namespace= – CPU/memory from metrics.k8s.io (kubectl top), or why there is none
import { defineRoute } from "@/lib/server/http/define-route";
import { identityOf } from "@/lib/server/k8s/kube-identity";
import { readResourceUsage } from "@/lib/server/resource-usage/read-resource-usage";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { ZUsageQuerySchema } from "@/lib/shared/resource-usage/resource-usage.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZUsageQuerySchema }, ({ principal, params, query }) =>
  readResourceUsage(params.id, identityOf(principal), query),
);
