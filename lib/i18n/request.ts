// next-intl request configuration: picks the locale for each request (cookie, else the
// browser's Accept-Language) and loads its messages. Used by server and client components.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./load-messages";
import { isLocale, LOCALE_COOKIE, matchLocale, type TLocale } from "./locales";

export async function resolveRequestLocale(): Promise<TLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return matchLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
