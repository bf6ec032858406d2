import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import en from "@/lib/i18n/messages/en/malformedAddress.json";
import zhHans from "@/lib/i18n/messages/zh-Hans/malformedAddress.json";
import { LOCALE_COOKIE, type TLocale } from "@/lib/i18n/locales";
import { ApiError } from "./api-error";
import { toErrorResponse } from "./error-response";
import { pageLocale, plainStatusPage } from "./plain-status-page";

const TEXT: Record<TLocale, typeof en> = { en, "zh-Hans": zhHans };

/** Paths answered with the API's JSON errors; every other path is a page. */
const JSON_PATHS = /^\/(api|v3|k8s)(\/|$)/;

/** The passthrough judges its own query (a Kubernetes Status 400, lib/server/k8s/passthrough). */
const PASSTHROUGH = /^\/k8s(\/|$)/;

/**
 * Why the path or query of `rawUrl` cannot be decoded into route parameters and search
 * params, or null when it can. Next.js decodes dynamic segments with decodeURIComponent: a
 * percent-encoding that is not UTF-8 (`%E0%A4%A`, `%zz`) fails there, and a NUL (`%00`),
 * in a segment or a query parameter (`/fleet?q=%00`), decodes into a string PostgreSQL
 * cannot store — all once ended as a 500. (A bad encoding in the query is kept literally
 * by URLSearchParams, so only NUL matters there.)
 */
export function malformedPathReason(rawUrl: string): string | null {
  const [pathname = "", rest] = rawUrl.split(/\?(.*)/s, 2);
  for (const segment of pathname.split("#", 1)[0]!.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "The request path has an invalid percent-encoding (it must encode UTF-8)";
    }
    if (decoded.includes("\0")) return "The request path contains a NUL character (%00)";
  }
  if (rest === undefined || PASSTHROUGH.test(pathname)) return null;
  for (const [name, value] of new URLSearchParams(rest.split("#", 1)[0])) {
    if (name.includes("\0") || value.includes("\0")) return "The query string contains a NUL character (%00)";
  }
  return null;
}

/**
 * The 400 for a path no route can decode, before it reaches Next.js: the API's JSON error
 * (`bad_request` with the reason) for API paths, the console's translated page for pages.
 * Null when the path is fine.
 */
export function malformedPathResponse(rawUrl: string, headers: Headers, requestId: string): Response | null {
  const reason = malformedPathReason(rawUrl);
  if (!reason) return null;
  if (JSON_PATHS.test(rawUrl)) return toErrorResponse(new ApiError("bad_request", reason), requestId);
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(headers.get("cookie") ?? "")?.[1];
  const locale = pageLocale(cookie, headers.get("accept-language"));
  const t = TEXT[locale];
  return plainStatusPage({ locale, status: 400, title: t.title, lines: [t.body] });
}

/** server.ts: answers a request whose path cannot be decoded; false when it can be served. */
export function answerMalformedPath(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const response = malformedPathResponse(req.url ?? "/", headers, requestId);
  if (!response) return false;
  void response.text().then((body) => res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(body));
  return true;
}
