// next-intl request configuration: picks the locale for each request (cookie, else the
// browser's Accept-Language) and loads its messages. Used by server and client components.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./load-messages";
import { isLocale, LOCALE_COOKIE, matchLocale, type TLocale } from "./locales";
import { TIME_ZONE_COOKIE, validTimeZone } from "./time-zone";

export async function resolveRequestLocale(): Promise<TLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return matchLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return { locale, messages: loadMessages(locale), timeZone };
});
