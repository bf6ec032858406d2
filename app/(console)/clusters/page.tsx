import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { ClustersList } from "@/components/clusters/clusters-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("clusters");
  return { title: t("title") };
}

export default async function ClustersPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("clusters");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/clusters/registration" className="rounded-md border border-slate-700 px-3.5 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800">
            {t("registrationLink")}
          </Link>
        }
      />
      <Suspense>
        <ClustersList canWrite={can(principal.role, "clusters:write")} />
      </Suspense>
    </>
  );
}
