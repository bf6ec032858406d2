"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { CLUSTER_TABS } from "./cluster-tabs";

export function ClusterTabNav({ clusterId }: { clusterId: string }) {
  const t = useTranslations("clusterTabs");
  const pathname = usePathname();
  const base = `/clusters/${clusterId}`;
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-slate-800">
      {CLUSTER_TABS.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        const active = tab.segment ? pathname === href || pathname.startsWith(href + "/") : pathname === base;
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${active ? "border-sky-400 text-white" : "border-transparent text-slate-400 hover:text-white"}`}
          >
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}
