// GET /healthz – the process is up (no database check: see /readyz)
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
