"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useApiResources } from "@/lib/client/resources/use-api-resources";
import { buildNavigation } from "@/lib/shared/resources/resource-navigation";
import { resourcePageHref } from "@/lib/shared/resources/resource-path";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useClusterErrorMessage } from "@/components/explorer/use-cluster-error-message";
import { QuickJump } from "./quick-jump";

function NavLinks({ clusterId, resources, pathname }: { clusterId: string; resources: TApiResource[]; pathname: string }) {
  return (
    <ul className="space-y-0.5">
      {resources.map((r) => {
        const href = resourcePageHref(clusterId, r);
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={`${r.group}/${r.resource}`}>
            <Link href={href} aria-current={active ? "page" : undefined} className={`block truncate rounded px-2 py-1 text-sm ${active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-900 hover:text-white"}`}>
              {r.kind}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The resources of one cluster from its discovery, grouped as operators look for them, custom
 * resources by API group, with the quick-jump on top. Follows CRDs as they come and go.
 */
export function ResourceSidebar({ clusterId }: { clusterId: string }) {
  const t = useTranslations("resources");
  const pathname = usePathname();
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const discovery = useApiResources(clusterId);
  const resources = discovery.data?.resources ?? [];
  const nav = buildNavigation(resources);
  return (
    <nav aria-label={t("nav.label")} className="space-y-4">
      <QuickJump clusterId={clusterId} resources={resources} />
      {discovery.isPending ? <LoadingState /> : null}
      {discovery.isError ? <ErrorState message={errorMessage(discovery.error)} onRetry={() => void discovery.refetch()} /> : null}
      {discovery.data?.error ? <ErrorState message={clusterErrorMessage(discovery.data.error)} onRetry={() => void discovery.refetch()} /> : null}
      {nav.sections.map((s) => (
        <section key={s.section} aria-label={t(`nav.sections.${s.section}`)}>
          <h3 className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`nav.sections.${s.section}`)}</h3>
          <NavLinks clusterId={clusterId} resources={s.resources} pathname={pathname} />
        </section>
      ))}
      {nav.custom.length > 0 ? (
        <section aria-label={t("nav.custom")}>
          <h3 className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("nav.custom")}</h3>
          {nav.custom.map((g) => (
            <details key={g.group} open className="group">
              <summary className="cursor-pointer truncate px-2 py-1 font-mono text-xs text-slate-400 hover:text-white">{g.group}</summary>
              <div className="pl-2">
                <NavLinks clusterId={clusterId} resources={g.resources} pathname={pathname} />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </nav>
  );
}
