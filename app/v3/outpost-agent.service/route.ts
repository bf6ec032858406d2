// GET /v3/outpost-agent.service – the systemd unit of the bare-host install (no login; holds no secret)
import { defineRoute } from "@/lib/server/http/define-route";
import { renderSystemdUnit } from "@/lib/server/enrollment/render-systemd-unit";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { getAgentServerUrl } from "@/lib/server/settings/get-agent-server-url";

export const GET = defineRoute({ access: "public" }, async () => {
  return new Response(renderSystemdUnit(await getAgentServerUrl(), getRuntimeContext().caChecksum), {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-disposition": 'attachment; filename="outpost-agent.service"' },
  });
});
