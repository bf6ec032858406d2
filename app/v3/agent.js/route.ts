// GET /v3/agent.js – the agent bundle the bootstrap (and the bare-host install) downloads and verifies by SHA-256 (no login)
import { defineRoute } from "@/lib/server/http/define-route";
import { readAgentBundle } from "@/lib/server/enrollment/read-agent-bundle";

export const GET = defineRoute({ access: "public" }, async () => {
  const bundle = await readAgentBundle();
  return new Response(new Uint8Array(bundle.body), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store", etag: `"${bundle.sha256}"` },
  });
});
