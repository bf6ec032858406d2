import "server-only";
import en from "@/lib/i18n/messages/en/databaseUnavailable.json";
import zhHans from "@/lib/i18n/messages/zh-Hans/databaseUnavailable.json";
import { isLocale, matchLocale, type TLocale } from "@/lib/i18n/locales";
import { DATABASE_RETRY_AFTER_S } from "../db/database-availability";

const TEXT: Record<TLocale, typeof en> = { en, "zh-Hans": zhHans };

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page every console page answers while the database is away: 503 with Retry-After,
 * in the user's language (locale cookie, else Accept-Language), refreshing itself. Plain
 * HTML with no script, so it needs nothing the outage could break.
 */
export function databaseUnavailablePage(cookieLocale: string | undefined, acceptLanguage: string | null): Response {
  const locale: TLocale = isLocale(cookieLocale) ? cookieLocale : matchLocale(acceptLanguage);
  const t = TEXT[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_S}"><title>${escape(t.title)} · Outpost</title><style>body{background:#020617;color:#e2e8f0;font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;border:1px solid #334155;border-radius:.5rem}h1{font-size:1.25rem;color:#fbbf24}</style></head><body><main role="alert"><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p><p>${escape(t.retry)}</p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(DATABASE_RETRY_AFTER_S), "cache-control": "no-store" },
  });
}
