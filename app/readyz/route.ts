// GET /readyz – ready to serve: the database answers
import { checkDatabase } from "@/lib/server/db/check-database";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const db = await checkDatabase();
  return new Response(db.ok ? "ok\n" : `database unavailable: ${db.error}\n`, {
    status: db.ok ? 200 : 503,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
