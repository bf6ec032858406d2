import { getTranslations } from "next-intl/server";
import { ClusterGroups } from "@/components/bundles/cluster-groups";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("bundles.groups");
  return { title: t("title") };
}

export default async function ClusterGroupsPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("bundles.groups");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClusterGroups canWrite={can(principal.role, "groups:write")} />
    </>
  );
}
