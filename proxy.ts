// Next.js proxy (runs before every page):
// - while the database is away, every page answers 503 + Retry-After with a small
//   localized "database unavailable" page instead of failing with a 500;
// - otherwise a fresh nonce per page view and the Content-Security-Policy that allows only
//   scripts carrying it (Next reads the nonce from the request's CSP header and adds it to
//   the scripts it renders).
import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { databaseOutage } from "@/lib/server/db/database-availability";
import { databaseUnavailablePage } from "@/lib/server/http/database-unavailable-page";
import { contentSecurityPolicy } from "@/lib/shared/security/content-security-policy";

export function proxy(request: NextRequest): Response {
  if (databaseOutage()) return databaseUnavailablePage(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON (503 from their own error mapping), static assets are
  // files; prefetches reuse the page's policy.
  matcher: [
    {
      source: "/((?!api|v3|k8s|cacerts|healthz|readyz|metrics|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
