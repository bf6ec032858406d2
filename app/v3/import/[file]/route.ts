// GET /v3/import/{token}_{clusterId}.yaml – the agent install manifest (no login; the token is the key; rate limited per IP)
import { z } from "zod";
import { serveImportManifest } from "@/lib/server/enrollment/serve-import-manifest";
import { defineRoute } from "@/lib/server/http/define-route";

export const GET = defineRoute({ access: "public", params: z.object({ file: z.string().max(200) }) }, async ({ params, meta }) => {
  const yaml = await serveImportManifest(params.file, meta);
  return new Response(yaml, { headers: { "content-type": "application/yaml; charset=utf-8", "cache-control": "no-store" } });
});
