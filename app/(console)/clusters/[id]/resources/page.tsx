import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/states";

export async function generateMetadata() {
  const t = await getTranslations("resources");
  return { title: t("title") };
}

// The resources tab of a cluster before a resource is chosen.
export default async function ResourcesIndexPage() {
  const t = await getTranslations("resources");
  return <EmptyState title={t("index.title")}>{t("index.hint")}</EmptyState>;
}
