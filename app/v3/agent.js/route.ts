// GET /v3/agent.js – the agent bundle, for the bare-host (Node.js) install command (no login)
import fs from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "agent", "dist", "outpost-agent.js");
  try {
    return new Response(await fs.readFile(file), {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" },
    });
  } catch {
    return new Response("The agent bundle is not built on this console (npm run build:agent).\n", { status: 404 });
  }
}
