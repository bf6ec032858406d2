// GET /api/v1/clusters/[id]/edgex/devices/[device]/commands/[command] – run a read command, return its values
// PUT /api/v1/clusters/[id]/edgex/devices/[device]/commands/[command] {values} – run a set command (operator/admin, validated against the profile, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { runEdgexReadCommand } from "@/lib/server/edgex/run-edgex-read-command";
import { runEdgexSetCommand } from "@/lib/server/edgex/run-edgex-set-command";
import { ZEdgexCommandParamsSchema, ZEdgexSetCommandBodySchema } from "@/lib/shared/edgex/edgex-api.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZEdgexCommandParamsSchema }, ({ params }) => runEdgexReadCommand(params.id, params.device, params.command));

export const PUT = defineRoute({ access: "clusters:act", params: ZEdgexCommandParamsSchema, body: ZEdgexSetCommandBodySchema }, ({ principal, params, body, meta }) =>
  runEdgexSetCommand(principal, meta, params.id, params.device, params.command, body.values),
);
