import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/states";

/** Shown on a page the user's role may not open (the API answers 403 as well). */
export async function Forbidden() {
  const t = await getTranslations("errors");
  return <EmptyState title={t("forbidden")} />;
}
