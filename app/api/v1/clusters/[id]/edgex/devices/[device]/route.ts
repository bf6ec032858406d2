// GET /api/v1/clusters/[id]/edgex/devices/[device] – device, profile resources and commands, core-command's commands
import { defineRoute } from "@/lib/server/http/define-route";
import { getEdgexDevice } from "@/lib/server/edgex/get-edgex-device";
import { ZEdgexDeviceParamsSchema } from "@/lib/shared/edgex/edgex-api.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZEdgexDeviceParamsSchema }, ({ params }) => getEdgexDevice(params.id, params.device));
