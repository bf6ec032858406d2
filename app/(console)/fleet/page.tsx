import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/states";

export async function generateMetadata() {
  const t = await getTranslations("fleet");
  return { title: t("title") };
}

export default async function FleetPage() {
  const t = await getTranslations("fleet");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState title={t("emptyTitle")}>
        <Link href="/clusters" className="text-sky-400 hover:underline">
          {t("emptyAction")}
        </Link>
      </EmptyState>
    </>
  );
}
