import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClusterHeaderState } from "@/components/clusters/cluster-header-state";
import { ClusterTabNav } from "@/components/clusters/cluster-tab-nav";
import { EmptyState } from "@/components/ui/states";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { prisma } from "@/lib/server/db/prisma";

/** Header and tabs of every page of one cluster. */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireClusterPagePrincipal(id);
  const t = await getTranslations("clusters");
  // Out of the user's scope: the same answer whether the cluster exists or not (no existence leak).
  if (principal.role === null) {
    return (
      <EmptyState title={t("outOfScope")}>
        <Link href="/clusters" className="text-sky-400 hover:underline">
          {t("backToList")}
        </Link>
      </EmptyState>
    );
  }
  const cluster = await prisma.cluster.findUnique({ where: { id } });
  if (!cluster) {
    return (
      <EmptyState title={t("notFound")}>
        <Link href="/clusters" className="text-sky-400 hover:underline">
          {t("backToList")}
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <Link href="/clusters" className="text-sm text-slate-400 hover:text-white">
          {t("title")}
        </Link>
        <span className="text-slate-600">/</span>
        <h1 className="text-2xl font-semibold text-white">{cluster.displayName}</h1>
        {cluster.displayName !== cluster.name ? <span className="font-mono text-sm text-slate-500">{cluster.name}</span> : null}
        <ClusterHeaderState clusterId={cluster.id} initial={{ state: cluster.state, reason: cluster.stateReason }} />
      </header>
      <ClusterTabNav clusterId={cluster.id} />
      {children}
    </>
  );
}
