import { getTranslations } from "next-intl/server";
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
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <ClustersList canWrite={can(principal.role, "clusters:write")} />
      </Suspense>
    </>
  );
}
