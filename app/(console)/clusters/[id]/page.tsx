import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("clusters");
  return { title: t("title") };
}

// Overview of one cluster: registration (import commands, tokens) and, from the cluster
// explorer, its live summary. Filled in by cluster import and the explorer.
export default async function ClusterOverviewPage() {
  return null;
}
