import "server-only";
import en from "@/lib/i18n/messages/en/databaseUnavailable.json";
import zhHans from "@/lib/i18n/messages/zh-Hans/databaseUnavailable.json";
import type { TLocale } from "@/lib/i18n/locales";
import { DATABASE_RETRY_AFTER_S } from "../db/database-availability";
import { pageLocale, plainStatusPage } from "./plain-status-page";

const TEXT: Record<TLocale, typeof en> = { en, "zh-Hans": zhHans };

/**
 * The page every console page answers while the database is away: 503 with Retry-After,
 * in the user's language (locale cookie, else Accept-Language), refreshing itself. Plain
 * HTML with no script, so it needs nothing the outage could break.
 */
export function databaseUnavailablePage(cookieLocale: string | undefined, acceptLanguage: string | null): Response {
  const locale = pageLocale(cookieLocale, acceptLanguage);
  const t = TEXT[locale];
  return plainStatusPage({ locale, status: 503, title: t.title, lines: [t.body, t.retry], refreshS: DATABASE_RETRY_AFTER_S, headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) } });
}
