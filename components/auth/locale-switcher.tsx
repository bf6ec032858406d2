"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, LOCALES, type TLocale } from "@/lib/i18n/locales";
import { apiFetch } from "@/lib/client/api-client";

/**
 * Language picker. Always remembers the choice in a cookie; when signed in it is also
 * stored with the user (so it follows them to other browsers).
 */
export function LocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();

  async function choose(next: TLocale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax; secure`;
    if (signedIn) await apiFetch("/api/v1/me", { method: "PATCH", body: { locale: next } }).catch(() => undefined);
    router.refresh();
  }

  return (
    <label className="flex items-center gap-2 text-xs text-slate-400">
      <span>{t("label")}</span>
      <select
        aria-label={t("label")}
        value={locale}
        onChange={(e) => void choose(e.target.value as TLocale)}
        className="rounded border border-slate-700 bg-slate-900 px-2 py-1 text-xs text-slate-200"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`name.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
