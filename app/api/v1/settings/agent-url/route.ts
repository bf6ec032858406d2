// GET /api/v1/settings/agent-url – the console URL agents dial, and where it comes from (admin)
// PUT /api/v1/settings/agent-url – set it {url} (admin; validated, certificate re-issued if needed, audited)
// DELETE /api/v1/settings/agent-url – back to OUTPOST_SERVER_URL (admin; audited)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { readAgentServerUrlSettings } from "@/lib/server/settings/get-agent-server-url";
import { setAgentServerUrl } from "@/lib/server/settings/set-agent-server-url";
import { ZAgentServerUrlSchema } from "@/lib/shared/settings/settings.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "settings:write" }, async () => readAgentServerUrlSettings());

export const PUT = defineRoute({ access: "settings:write", body: ZAgentServerUrlSchema }, async ({ body, principal, meta }) =>
  setAgentServerUrl(body.url, auditActorOf(principal), meta),
);

export const DELETE = defineRoute({ access: "settings:write" }, async ({ principal, meta }) => setAgentServerUrl(null, auditActorOf(principal), meta));
