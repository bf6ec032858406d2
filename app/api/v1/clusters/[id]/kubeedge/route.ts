// GET /api/v1/clusters/[id]/kubeedge – edge nodes (KubeEdge version), Devices with twins (desired vs reported, drift), DeviceModels
import { defineRoute } from "@/lib/server/http/define-route";
import { getKubeEdgeOverview } from "@/lib/server/kubeedge/get-kubeedge-overview";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema }, ({ principal, params }) => getKubeEdgeOverview(principal, params.id));
