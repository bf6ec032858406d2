// GET /api/v1/clusters/[id]/kubeconfig – kubeconfig (YAML) for kubectl through the console
import { defineRoute } from "@/lib/server/http/define-route";
import { downloadClusterKubeconfig } from "@/lib/server/explorer/download-kubeconfig";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema }, ({ principal, params, req }) => downloadClusterKubeconfig(principal, req, params.id));
