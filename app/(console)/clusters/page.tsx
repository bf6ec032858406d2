import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/states";

export async function generateMetadata() {
  const t = await getTranslations("clusters");
  return { title: t("title") };
}

export default async function ClustersPage() {
  const t = await getTranslations("clusters");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
    </>
  );
}
