import "server-only";
import { isLocale, matchLocale, type TLocale } from "@/lib/i18n/locales";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language of a page answered outside Next: the locale cookie, else Accept-Language. */
export function pageLocale(cookieLocale: string | undefined, acceptLanguage: string | null): TLocale {
  return isLocale(cookieLocale) ? cookieLocale : matchLocale(acceptLanguage);
}

/**
 * A small self-contained HTML page (no script, no asset) for answers the console gives
 * without rendering through Next: the database is away, the address cannot be decoded.
 * `refreshS` makes the page reload itself.
 */
export function plainStatusPage(opts: { locale: TLocale; status: number; title: string; lines: string[]; refreshS?: number; headers?: Record<string, string> }): Response {
  const refresh = opts.refreshS === undefined ? "" : `<meta http-equiv="refresh" content="${opts.refreshS}">`;
  const body = opts.lines.map((l) => `<p>${escape(l)}</p>`).join("");
  const html = `<!doctype html><html lang="${opts.locale}"><head><meta charset="utf-8">${refresh}<title>${escape(opts.title)} · Outpost</title><style>body{background:#020617;color:#e2e8f0;font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;border:1px solid #334155;border-radius:.5rem}h1{font-size:1.25rem;color:#fbbf24}</style></head><body><main role="alert"><h1>${escape(opts.title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status: opts.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...opts.headers },
  });
}
