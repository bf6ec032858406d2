/** Locales the console ships, complete. Add one: see docs/I18N.md. */
export const LOCALES = ["en", "zh-Hans"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
/** Cookie remembering the choice (set on the login page and when a user picks a locale). */
export const LOCALE_COOKIE = "outpost-locale";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Best supported locale for an Accept-Language header, honouring q-values. Any Chinese
 * variant maps to zh-Hans (the only Chinese locale we ship); unknown → English.
 */
export function matchLocale(acceptLanguage: string | null | undefined): TLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-Hans";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}
