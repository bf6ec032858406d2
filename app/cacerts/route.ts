// GET /cacerts – the console's CA certificate (PEM), no login: agents fetch it and check its checksum
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(getRuntimeContext().caPem, {
    headers: { "content-type": "application/x-pem-file", "cache-control": "no-store" },
  });
}
