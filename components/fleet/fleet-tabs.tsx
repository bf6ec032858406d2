"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/fleet", key: "overview" },
  { href: "/fleet/alerts", key: "alerts" },
  { href: "/fleet/search", key: "search" },
  { href: "/fleet/inventory", key: "inventory" },
] as const;

/** Overview / Alerts / Search, and the way into kiosk mode. */
export function FleetTabs() {
  const t = useTranslations("fleet.tabs");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-5 flex items-center gap-1 border-b border-slate-800">
      {TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-sky-400 text-white" : "border-transparent text-slate-400 hover:text-white"}`}
          >
            {t(tab.key)}
          </Link>
        );
      })}
      <a href="/fleet?kiosk=1" className="ml-auto rounded-md px-3 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white">
        {t("kiosk")}
      </a>
    </nav>
  );
}
